/** K: a cell counting 1 to K-1 persons is withheld. Overridden by STATS_MIN_CELL. */
export const DEFAULT_MIN_CELL_SIZE = 10;

/** K from the environment: `STATS_MIN_CELL`, an integer from 2 to 1000, else the default 10. */
export function minCellSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.STATS_MIN_CELL;
  if (raw === undefined || raw === '') return DEFAULT_MIN_CELL_SIZE;
  const k = Number(raw);
  if (!/^\d+$/.test(raw) || k < 2 || k > 1000) {
    throw new Error(`STATS_MIN_CELL must be an integer from 2 to 1000; got ${JSON.stringify(raw)}`);
  }
  return k;
}

import { KEY_SPACE } from './record-key';

/**
 * A perturbation table of the cell key method (ESSnet Handbook on Statistical Disclosure Control,
 * 5.4; the R package `ptable`): for each true count, the noise values it may get and their
 * weights. A cell's key picks one of them: the key's position in [0, 1) is a slot of `resolution`
 * equal slots, and each noise value owns as many consecutive slots as its weight, in ascending
 * order of noise. The same count and key always give the same noise, so the same cell shows the
 * same value in every table and every query; cells counting other records get other keys, so
 * differences of published values carry noise and do not reveal a count.
 */
export interface PerturbationTable {
  /** Row i holds the noise of a count i; the last row serves every larger count. */
  rows: ReadonlyArray<ReadonlyArray<readonly [noise: number, weight: number]>>;
  /** The weights of every row add up to this. */
  resolution: number;
}

/**
 * The published table: D = 2, V = 1.2. A zero stays zero; 1 becomes 0, 1, 2 or 3; from 2 on the
 * noise is -2, -1, 0, +1, +2 with probabilities 0.1, 0.2, 0.4, 0.2, 0.1. Every row has mean 0,
 * so published counts are unbiased, and none goes below zero.
 */
export const DEFAULT_PTABLE: PerturbationTable = {
  resolution: 20,
  rows: [
    [[0, 20]],
    [
      [-1, 8],
      [0, 6],
      [1, 4],
      [2, 2],
    ],
    [
      [-2, 2],
      [-1, 4],
      [0, 8],
      [1, 4],
      [2, 2],
    ],
  ],
};

function rowOf(table: PerturbationTable, count: number) {
  return table.rows[Math.min(count, table.rows.length - 1)]!;
}

/** The noise a count gets for a cell key (an integer from 0 to KEY_SPACE - 1). */
export function noiseOf(table: PerturbationTable, count: number, cellKey: number): number {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`a count must be a non-negative integer; got ${count}`);
  }
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey >= KEY_SPACE) {
    throw new RangeError(
      `a cell key must be an integer from 0 to ${KEY_SPACE - 1}; got ${cellKey}`,
    );
  }
  // Exact: cellKey * resolution stays far below 2^53.
  const slot = Math.floor((cellKey * table.resolution) / KEY_SPACE);
  let upTo = 0;
  const row = rowOf(table, count);
  for (const [noise, weight] of row) {
    upTo += weight;
    if (slot < upTo) return noise;
  }
  return row.at(-1)![0];
}

/** The published value of a count. */
export function perturbCount(table: PerturbationTable, count: number, cellKey: number): number {
  return count + noiseOf(table, count, cellKey);
}

/** D: the largest noise in absolute value. */
export function maxNoiseOf(table: PerturbationTable): number {
  return Math.max(...table.rows.flatMap((row) => row.map(([noise]) => Math.abs(noise))));
}

/** The mean and variance of the noise of a count. */
export function noiseMoments(
  table: PerturbationTable,
  count: number,
): { mean: number; variance: number } {
  const row = rowOf(table, count);
  const mean = row.reduce((s, [noise, weight]) => s + noise * weight, 0) / table.resolution;
  const variance =
    row.reduce((s, [noise, weight]) => s + (noise - mean) ** 2 * weight, 0) / table.resolution;
  return { mean, variance };
}

/**
 * The true counts a published value can come from: what anyone who knows the table (it is
 * public) learns from one published value alone. The differencing harness starts from this.
 */
export function possibleCounts(table: PerturbationTable, published: number): [number, number] {
  const d = maxNoiseOf(table);
  let low = Infinity;
  let high = -Infinity;
  for (let count = Math.max(0, published - d); count <= published + d; count += 1) {
    if (rowOf(table, count).some(([noise, weight]) => weight > 0 && count + noise === published)) {
      low = Math.min(low, count);
      high = Math.max(high, count);
    }
  }
  if (low > high) throw new RangeError(`no count is published as ${published}`);
  return [low, high];
}

/**
 * Refuses a table that would break what the API promises: weights adding up to the resolution,
 * a zero that stays zero, no count published below zero, unbiased noise.
 */
export function checkPerturbationTable(table: PerturbationTable): PerturbationTable {
  table.rows.forEach((row, count) => {
    const total = row.reduce((s, [, weight]) => s + weight, 0);
    if (total !== table.resolution) {
      throw new RangeError(`row ${count}: weights add up to ${total}, not ${table.resolution}`);
    }
    if (row.some(([noise, weight]) => weight > 0 && count + noise < 0)) {
      throw new RangeError(`row ${count}: a count may not be published below zero`);
    }
    if (count === 0 && row.some(([noise, weight]) => weight > 0 && noise !== 0)) {
      throw new RangeError('row 0: a zero must stay zero');
    }
    if (noiseMoments(table, count).mean !== 0) {
      throw new RangeError(`row ${count}: the noise must have mean 0`);
    }
  });
  return table;
}

/** The parameters as the API and the README state them. */
export function describePerturbation(table: PerturbationTable): string {
  const large = table.rows.length - 1;
  const row = table.rows[large]!;
  const probabilities = row
    .map(([noise, weight]) => `${noise > 0 ? '+' : ''}${noise}: ${weight / table.resolution}`)
    .join(', ');
  return (
    `Counts carry cell-key noise: at most D = ${maxNoiseOf(table)} either way, ` +
    `variance V = ${noiseMoments(table, large).variance}, mean 0; from ${large} persons on the noise is ` +
    `${probabilities}. Zero stays zero and no count is published below zero.`
  );
}

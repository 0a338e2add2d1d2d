import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RecordKeys } from '@jol/statistics';
import {
  refreshAgencyStatistics,
  STATISTICS_AGENCIES,
  UNIT_AGENCIES,
  type StatisticsAgency,
  type UnitAgency,
} from '@jol/jobs';
import { REPO_ROOT } from '../store/secantus';

export interface RefreshOptions {
  /** A MongoDB connection string without a database. */
  mongodbUri: string;
  /** Databases `<prefix>_migration` and so on. */
  databasePrefix: string;
  /** The register's statistical export. @default .data/statistics-export/<prefix> */
  exportDir?: string;
  /** The last day the statistics cover. @default today (UTC) */
  asOf?: Date;
  /** Progress lines. @default none */
  log?: (line: string) => void;
  /** @default keys under the statistics secret of the environment (JOL_STATS_SECRET) */
  recordKeys?: RecordKeys;
}

export interface RefreshReport {
  asOf: Date;
  /** Statistical units written per agency. */
  units: Record<UnitAgency, number>;
  /** Cube cells written per agency. */
  cells: Record<StatisticsAgency, number>;
  elapsedMs: number;
}

/**
 * Every agency's refresh in turn, migration first, as the production jobs run them (each from its
 * own database through its own connection): for the local launcher and the specs, which hold every
 * agency's database on one store.
 */
export async function refreshStatistics(options: RefreshOptions): Promise<RefreshReport> {
  const started = performance.now();
  const exportDir =
    options.exportDir ?? join(REPO_ROOT, '.data', 'statistics-export', options.databasePrefix);
  const units = {} as Record<UnitAgency, number>;
  const cells = {} as Record<StatisticsAgency, number>;
  let asOf = new Date(0);
  for (const agency of STATISTICS_AGENCIES) {
    const report = await refreshAgencyStatistics({
      agency,
      mongodbUri: options.mongodbUri,
      database: `${options.databasePrefix}_${agency}`,
      exportDir,
      asOf: options.asOf,
      log: options.log,
      recordKeys: options.recordKeys,
    });
    cells[agency] = report.cells;
    if ((UNIT_AGENCIES as readonly string[]).includes(agency))
      units[agency as UnitAgency] = report.units;
    asOf = report.asOf;
  }
  return { asOf, units, cells, elapsedMs: Math.round(performance.now() - started) };
}

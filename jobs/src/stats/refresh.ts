import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import {
  consularStatisticalPins,
  createConsularModels,
  rebuildConsularIndicators,
  type ConsularModels,
} from '@jol/consular';
import {
  createHealthModels,
  healthStatisticalPins,
  rebuildHealthIndicators,
  type HealthModels,
} from '@jol/health';
import {
  createLabourModels,
  labourStatisticalPins,
  rebuildLabourIndicators,
  type LabourModels,
} from '@jol/labour';
import {
  createMigrationModels,
  rebuildMigrationIndicators,
  type MigrationModels,
  type EpisodeRecord,
  type PersonRecord,
} from '@jol/migration';
import {
  createPensionsModels,
  pensionsStatisticalPins,
  rebuildPensionsIndicators,
  type PensionsModels,
} from '@jol/pensions';
import { connectStore, ensureIndexes } from '@jol/kernel';
import {
  buildDay,
  groupByPin,
  replaceStatisticalUnits,
  statisticalUnitOf,
  type IndicatorBuildOptions,
  type RecordKeys,
  type StatisticalUnit,
} from '@jol/statistics';
import { publishRegisterExport, readRegisterExport } from './register-export';

/**
 * The statistics refresh, one agency at a time, each from its own database only: the migration
 * register publishes its statistical export, and each other agency keeps from it the units of the
 * persons it holds, then every agency builds its indicator cube from its own records.
 */

export const STATISTICS_AGENCIES = [
  'migration',
  'labour',
  'health',
  'pensions',
  'consular',
] as const;
export type StatisticsAgency = (typeof STATISTICS_AGENCIES)[number];
/** The agencies that keep statistical units: every one but the register's own. */
export const UNIT_AGENCIES = ['labour', 'health', 'pensions', 'consular'] as const;
export type UnitAgency = (typeof UNIT_AGENCIES)[number];

export function isStatisticsAgency(value: unknown): value is StatisticsAgency {
  return typeof value === 'string' && (STATISTICS_AGENCIES as readonly string[]).includes(value);
}

export interface AgencyModels {
  migration: MigrationModels;
  labour: LabourModels;
  health: HealthModels;
  pensions: PensionsModels;
  consular: ConsularModels;
}

export const MODEL_FACTORIES: { [A in StatisticsAgency]: (c: Connection) => AgencyModels[A] } = {
  migration: createMigrationModels,
  labour: createLabourModels,
  health: createHealthModels,
  pensions: createPensionsModels,
  consular: createConsularModels,
};

/** Each agency's cube builder. */
export const REBUILDERS: {
  [A in StatisticsAgency]: (
    models: AgencyModels[A],
    options: IndicatorBuildOptions,
  ) => Promise<{ buildId: string; cells: number }>;
} = {
  migration: rebuildMigrationIndicators,
  labour: rebuildLabourIndicators,
  health: rebuildHealthIndicators,
  pensions: rebuildPensionsIndicators,
  consular: rebuildConsularIndicators,
};

const STATISTICAL_PINS: { [A in UnitAgency]: (models: AgencyModels[A]) => Promise<Set<string>> } = {
  labour: labourStatisticalPins,
  health: healthStatisticalPins,
  pensions: pensionsStatisticalPins,
  consular: consularStatisticalPins,
};

/** Rebuilds one agency's cube through its typed models. */
export function rebuildAgencyIndicators<A extends StatisticsAgency>(
  agency: A,
  models: AgencyModels[A],
  options: IndicatorBuildOptions,
): Promise<{ buildId: string; cells: number }> {
  return REBUILDERS[agency](models, options);
}

export interface AgencyRefreshOptions {
  /** The agency whose statistics are refreshed. */
  agency: StatisticsAgency;
  /** A MongoDB connection string without a database. */
  mongodbUri: string;
  /** The agency's own database: the only one the refresh opens. */
  database: string;
  /**
   * The register's statistical export: the migration refresh publishes it there, the others read
   * the units of the persons they hold from it (see register-export.ts).
   */
  exportDir: string;
  /** The last day the statistics cover. @default the day the refresh runs (UTC) */
  asOf?: Date;
  /** Progress lines. @default none */
  log?: (line: string) => void;
  /** @default keys under the statistics secret of the environment (JOL_STATS_SECRET) */
  recordKeys?: RecordKeys;
}

export interface AgencyRefreshReport {
  agency: StatisticsAgency;
  /** The last day the new cube covers. */
  asOf: Date;
  /** When the refresh ran: the new build is dated so. */
  refreshedAt: Date;
  /** Register units exported (migration) or statistical units kept (the others). */
  units: number;
  /** Cube cells written. */
  cells: number;
  elapsedMs: number;
}

/**
 * Refreshes one agency's statistics from its own database alone. Migration reads its register,
 * publishes the register's statistical export and rebuilds its cube; every other agency takes from
 * that export the units of the persons it holds records of, replaces its statistical units with
 * them and rebuilds its cube. The cube covers every day up to `asOf` (today), the current year
 * included, and is dated when the refresh ran.
 */
export async function refreshAgencyStatistics(
  options: AgencyRefreshOptions,
): Promise<AgencyRefreshReport> {
  const started = performance.now();
  const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const log = (line: string) => options.log?.(`${since()}  ${options.agency}: ${line}`);
  const refreshedAt = new Date();
  const asOf = buildDay(options.asOf ?? refreshedAt);
  const agency = options.agency;
  const connection = await connectStore({ uri: options.mongodbUri, dbName: options.database });
  try {
    const models = MODEL_FACTORIES[agency](connection);
    await ensureIndexes(connection);
    let units: number;
    if (agency === 'migration') {
      const register = await readRegister(models as MigrationModels, refreshedAt);
      units = publishRegisterExport(options.exportDir, register.values(), refreshedAt).units;
      log(`register export of ${units} persons published`);
    } else {
      const { manifest, units: register } = readRegisterExport(options.exportDir);
      log(`register export of ${manifest.units} persons read (made ${manifest.refreshedAt})`);
      const pins = await (STATISTICAL_PINS[agency] as (m: unknown) => Promise<Set<string>>)(models);
      const snapshot: StatisticalUnit[] = [];
      for (const pin of [...pins].sort()) {
        const unit = register.get(pin);
        if (unit) snapshot.push(unit);
      }
      units = await replaceStatisticalUnits(
        (models as AgencyModels[UnitAgency]).StatisticalUnit,
        snapshot,
      );
      log(`${units} statistical units (${pins.size - snapshot.length} PINs not in the register)`);
    }
    const built = await (
      REBUILDERS[agency] as (m: unknown, o: IndicatorBuildOptions) => Promise<{ cells: number }>
    )(models, { asOf, builtAt: refreshedAt, recordKeys: options.recordKeys });
    log(`${built.cells} indicator cells as of ${asOf.toISOString().slice(0, 10)}`);
    return {
      agency,
      asOf,
      refreshedAt,
      units,
      cells: built.cells,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    await connection.close();
  }
}

/** Each registered person's unit, by PIN. */
async function readRegister(
  models: MigrationModels,
  refreshedAt: Date,
): Promise<Map<string, StatisticalUnit>> {
  const lean = { lean: true } as const;
  const stays = await groupByPin(
    models.Episode.find(
      {},
      { _id: 0, pin: 1, departedOn: 1, returnedOn: 1, country: 1 },
      lean,
    ).cursor() as AsyncIterable<
      Pick<EpisodeRecord, 'pin' | 'departedOn' | 'returnedOn' | 'country'>
    >,
  );
  const register = new Map<string, StatisticalUnit>();
  const persons = models.Person.find(
    {},
    { _id: 0, pin: 1, sex: 1, birthDate: 1, homeRegion: 1 },
    lean,
  ).cursor();
  for await (const person of persons as AsyncIterable<
    Pick<PersonRecord, 'pin' | 'sex' | 'birthDate' | 'homeRegion'>
  >) {
    register.set(person.pin, statisticalUnitOf(person, stays.get(person.pin) ?? [], refreshedAt));
  }
  return register;
}

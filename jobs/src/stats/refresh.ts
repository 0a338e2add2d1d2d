import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
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
import {
  buildDay,
  connectStore,
  ensureIndexes,
  groupByPin,
  replaceStatisticalUnits,
  statisticalUnitOf,
  type IndicatorBuildOptions,
  type RecordKeys,
  type StatisticalUnit,
} from '@jol/schema';

/**
 * The statistics refresh, as an operator runs it (`npm run stats:refresh`) and as the seed
 * generator finishes: a new snapshot of the register's dimensions for each agency that holds
 * records of a person, then a new indicator cube in each agency from its own records.
 */

export const STATISTICS_AGENCIES = ['migration', 'labour', 'health', 'pensions'] as const;
export type StatisticsAgency = (typeof STATISTICS_AGENCIES)[number];
/** The agencies that keep statistical units: every one but the register's own. */
export const UNIT_AGENCIES = ['labour', 'health', 'pensions'] as const;
type UnitAgency = (typeof UNIT_AGENCIES)[number];

interface AgencyModels {
  migration: MigrationModels;
  labour: LabourModels;
  health: HealthModels;
  pensions: PensionsModels;
}

export const MODEL_FACTORIES: { [A in StatisticsAgency]: (c: Connection) => AgencyModels[A] } = {
  migration: createMigrationModels,
  labour: createLabourModels,
  health: createHealthModels,
  pensions: createPensionsModels,
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
};

const STATISTICAL_PINS: { [A in UnitAgency]: (models: AgencyModels[A]) => Promise<Set<string>> } = {
  labour: labourStatisticalPins,
  health: healthStatisticalPins,
  pensions: pensionsStatisticalPins,
};

/** Rebuilds one agency's cube through its typed models. */
export function rebuildAgencyIndicators<A extends StatisticsAgency>(
  agency: A,
  models: AgencyModels[A],
  options: IndicatorBuildOptions,
): Promise<{ buildId: string; cells: number }> {
  return REBUILDERS[agency](models, options);
}

export interface RefreshOptions {
  /** A MongoDB connection string without a database. */
  mongodbUri: string;
  /** Databases `<prefix>_migration` and so on. */
  databasePrefix: string;
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

/** Takes a new snapshot of the register into each agency's units, then rebuilds every cube. */
export async function refreshStatistics(options: RefreshOptions): Promise<RefreshReport> {
  const started = performance.now();
  const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const log = (line: string) => options.log?.(`${since()}  ${line}`);
  const asOf = buildDay(options.asOf);
  const connections: Connection[] = [];
  const open = async <A extends StatisticsAgency>(agency: A): Promise<AgencyModels[A]> => {
    const connection = await connectStore({
      uri: options.mongodbUri,
      dbName: `${options.databasePrefix}_${agency}`,
    });
    connections.push(connection);
    const models = MODEL_FACTORIES[agency](connection);
    await ensureIndexes(connection);
    return models;
  };
  try {
    const models: AgencyModels = {
      migration: await open('migration'),
      labour: await open('labour'),
      health: await open('health'),
      pensions: await open('pensions'),
    };
    const refreshedAt = new Date();
    const register = await readRegister(models.migration, refreshedAt);
    log(`register: ${register.size} persons read`);
    const units = {} as Record<UnitAgency, number>;
    for (const agency of UNIT_AGENCIES) {
      const pins = await (STATISTICAL_PINS[agency] as (m: unknown) => Promise<Set<string>>)(
        models[agency],
      );
      const snapshot: StatisticalUnit[] = [];
      for (const pin of [...pins].sort()) {
        const unit = register.get(pin);
        if (unit) snapshot.push(unit);
      }
      units[agency] = await replaceStatisticalUnits(models[agency].StatisticalUnit, snapshot);
      log(
        `${agency}: ${units[agency]} statistical units (${pins.size - snapshot.length} PINs not in the register)`,
      );
    }
    const cells = {} as Record<StatisticsAgency, number>;
    for (const agency of STATISTICS_AGENCIES) {
      const built = await (
        REBUILDERS[agency] as (m: unknown, o: IndicatorBuildOptions) => Promise<{ cells: number }>
      )(models[agency], { asOf, builtAt: new Date(), recordKeys: options.recordKeys });
      cells[agency] = built.cells;
      log(`${agency}: ${built.cells} indicator cells`);
    }
    return { asOf, units, cells, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
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

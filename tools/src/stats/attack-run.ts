import type { Connection } from 'mongoose';
import { CONSULAR_MEASURES } from '@jol/consular';
import { HEALTH_MEASURES } from '@jol/health';
import { LABOUR_MEASURES } from '@jol/labour';
import { MIGRATION_MEASURES } from '@jol/migration';
import { PENSIONS_MEASURES } from '@jol/pensions';
import { AgeBand, connectStore, REGION_CODES, Sex } from '@jol/kernel';
import {
  createIndicatorCubeLoader,
  createIndicatorCubeModels,
  FIRST_INDICATOR_YEAR,
  loadIndicatorTable,
  normalizeIndicatorRequest,
  type DisclosureControl,
  type IndicatorCellRecord,
  type IndicatorCubeModels,
  type IndicatorMeasure,
} from '@jol/statistics';
import type { createGraphQLClient } from '../client/graphql-client';
import { agencyDatabaseName, AGENCIES } from '../seed/seed';
import { groupKey, type Group, type Publication, type PublishedTable } from './attack';

/** Every measure of every agency. */
export const ATTACK_MEASURES: readonly IndicatorMeasure[] = [
  ...MIGRATION_MEASURES,
  ...LABOUR_MEASURES,
  ...HEALTH_MEASURES,
  ...PENSIONS_MEASURES,
  ...CONSULAR_MEASURES,
];

export interface AttackQuery {
  filter: Record<string, unknown>;
  by: string[];
}

/**
 * The queries of the attack on `year`: the two-way tables and their one-way margins; each region
 * and each sex filtered on its own (complements); overlapping spans of years (2000..year against
 * 2000..year-1, and year-1..year by YEAR). `bounded` keeps the region-by-sex part only.
 */
export function attackQueries(year: number, bounded = false): AttackQuery[] {
  const one = { year };
  const queries: AttackQuery[] = [
    { filter: one, by: ['REGION', 'SEX'] },
    { filter: one, by: ['REGION'] },
    { filter: one, by: ['SEX'] },
    { filter: one, by: [] },
    ...REGION_CODES.map((region) => ({ filter: { year, region }, by: ['SEX'] })),
    ...Object.values(Sex).map((sex) => ({ filter: { year, sex }, by: ['REGION'] })),
    { filter: { fromYear: FIRST_INDICATOR_YEAR, toYear: year }, by: ['REGION', 'SEX'] },
    { filter: { fromYear: FIRST_INDICATOR_YEAR, toYear: year - 1 }, by: ['REGION', 'SEX'] },
  ];
  if (bounded) return queries;
  return [
    ...queries,
    { filter: { year: year - 1 }, by: ['REGION', 'SEX'] },
    { filter: { fromYear: year - 1, toYear: year }, by: ['YEAR', 'REGION'] },
    { filter: { fromYear: year - 1, toYear: year }, by: ['YEAR', 'SEX'] },
    { filter: one, by: ['REGION', 'AGE_BAND'] },
    { filter: one, by: ['SEX', 'AGE_BAND'] },
    { filter: one, by: ['AGE_BAND'] },
    { filter: one, by: ['DESTINATION', 'SEX'] },
    { filter: one, by: ['DESTINATION'] },
    ...REGION_CODES.map((region) => ({ filter: { year, region }, by: ['AGE_BAND'] })),
    ...Object.values(AgeBand).map((ageBand) => ({ filter: { year, ageBand }, by: ['SEX'] })),
  ];
}

/** Publishes the tables of a query. */
export type Publisher = (query: AttackQuery) => Promise<Publication>;

const ROW = 'region sex ageBand destination year sector over value suppressed';
const TABLE = `dimensions rows { ${ROW} } margins { ${ROW} } total { ${ROW} }`;
const QUERY = `query Attack($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  indicators(filter: $filter, by: $by) { ${ATTACK_MEASURES.map((m) => `${m.name} { ${TABLE} }`).join(' ')} }
}`;

/** Through the gateway, as an analyst: what the API publishes. */
export function publisherOverHttp(analyst: ReturnType<typeof createGraphQLClient>): Publisher {
  return async ({ filter, by }) => {
    const result = await analyst<{ indicators: Record<string, PublishedTable> }>(QUERY, {
      filter,
      by,
    });
    if (result.errors || !result.data) {
      throw new Error(`the indicators query failed: ${JSON.stringify(result.errors)}`);
    }
    return {
      request: normalizeIndicatorRequest(filter, by),
      tables: new Map(ATTACK_MEASURES.map((m) => [m, result.data!.indicators[m.name]!])),
    };
  };
}

/** The cube models of each agency of a store. */
export interface AgencyCubes {
  models: Record<string, IndicatorCubeModels>;
  close(): Promise<void>;
}

export async function openAgencyCubes(uri: string, prefix: string): Promise<AgencyCubes> {
  const connections: Connection[] = [];
  const models: Record<string, IndicatorCubeModels> = {};
  for (const agency of AGENCIES) {
    const connection = await connectStore({ uri, dbName: agencyDatabaseName(prefix, agency) });
    connections.push(connection);
    models[agency] = createIndicatorCubeModels(connection);
  }
  return { models, close: () => Promise.all(connections.map((c) => c.close())).then(() => {}) };
}

/**
 * In this process, through the subgraphs' own path (the cube loader and the table code), with a
 * disclosure control of the caller's choice: the legacy method, or a planted table.
 */
export function publisherInProcess(cubes: AgencyCubes, control: DisclosureControl): Publisher {
  return async ({ filter, by }) => {
    const request = normalizeIndicatorRequest(filter, by);
    const loaders = Object.fromEntries(
      Object.entries(cubes.models).map(([agency, m]) => [agency, createIndicatorCubeLoader(m)]),
    );
    const tables = await Promise.all(
      ATTACK_MEASURES.map((m) => loadIndicatorTable(loaders[m.agency]!, request, m, control)),
    );
    return {
      request,
      tables: new Map(ATTACK_MEASURES.map((m, i) => [m, tables[i]! as PublishedTable])),
    };
  };
}

/**
 * The true count of a group, summed from the newest build's cube cells directly: what the
 * attacker is after, computed without the table code the attack is scored against.
 */
export async function truthOf(cubes: AgencyCubes): Promise<(group: Group) => number> {
  const cells = new Map<string, IndicatorCellRecord[]>();
  for (const [agency, models] of Object.entries(cubes.models)) {
    const build = await models.IndicatorBuild.findOne({}, { _id: 1 })
      .sort({ builtAt: -1, _id: -1 })
      .lean<{ _id: string }>();
    if (!build) continue;
    const all = await models.IndicatorCell.find({ build: build._id }).lean<IndicatorCellRecord[]>();
    for (const cell of all) {
      const key = `${agency}:${cell.measure}`;
      const list = cells.get(key) ?? [];
      list.push(cell);
      cells.set(key, list);
    }
  }
  const memo = new Map<string, number>();
  const matches = (want: string, value: string | null) =>
    want === '*' || (want === 'NONE' ? value === null : value === want);
  return (group) => {
    const key = groupKey(group);
    const known = memo.get(key);
    if (known !== undefined) return known;
    let sum = 0;
    for (const cell of cells.get(group.measure) ?? []) {
      if (cell.year < group.fromYear || cell.year > group.toYear) continue;
      if (!matches(group.region, cell.region) || !matches(group.sex, cell.sex)) continue;
      if (!matches(group.ageBand, cell.ageBand)) continue;
      if (!matches(group.destination, cell.destination)) continue;
      if (!matches(group.sector, cell.category)) continue;
      sum += cell.persons;
    }
    memo.set(key, sum);
    return sum;
  };
}

/** Publishes every query, one after another. */
export async function publishAll(
  publisher: Publisher,
  queries: readonly AttackQuery[],
): Promise<Publication[]> {
  const publications: Publication[] = [];
  for (const query of queries) publications.push(await publisher(query));
  return publications;
}

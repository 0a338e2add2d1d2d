import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { PipelineStage } from 'mongoose';
import { badUserInput, formatIsoDate } from '@jol/kernel';
import { CUBE_FIELD, IndicatorDimension, type CubeField } from './indicator-dimension';
import type { IndicatorBuildRecord, IndicatorCubeModels } from './indicator-cube.model';
import { indicatorKey, type IndicatorRequest } from './indicator-request';
import type { IndicatorTable } from './indicator-table.type';
import {
  dimensionsOf,
  indicatorTableOf,
  type CubeRow,
  type IndicatorBuildInfo,
  type IndicatorMeasure,
  yearsOf,
} from './indicator-tables';
import { disclosureControlFromEnv, type DisclosureControl } from './disclosure-control';
import { minCellSizeFromEnv } from './min-cell-size';

/** What one measure's table needs from the cube. */
export interface CubeQuery {
  request: IndicatorRequest;
  measures: string[];
  /** The years to read: a stock without a YEAR breakdown needs only the last. */
  fromYear: number;
  toYear: number;
  /** Cube fields to group by besides measure and year. */
  fields: CubeField[];
}

export interface CubeSlice {
  rows: CubeRow[];
  build: IndicatorBuildInfo | null;
  /** The build's id: the generation of the cube the rows were read from. */
  buildId?: string | null;
}

/** One aggregation: a cube measure, a span of years, the request's filter, the fields to keep. */
interface CubeRead {
  request: IndicatorRequest;
  measure: string;
  fromYear: number;
  toYear: number;
  fields: Set<CubeField>;
}

/** Distinct cube reads remembered per process and database. @default 2000 */
export const CUBE_READS_REMEMBERED = 2000;

/**
 * Cube reads shared by every request of this process on one database (keyed by its cell model):
 * a build never changes once written, so a read of build B is the same for everyone until a
 * refresh writes a newer build, whose reads have keys of their own. A read under way is shared
 * with identical ones that arrive meanwhile; a failed read is forgotten. The rows carry no
 * caller: whether a caller may read a measure at all is decided by the rules before a resolver
 * asks, and the same cells are published to every caller allowed.
 */
const sharedReads = new WeakMap<object, LRUCache<string, Promise<CubeRow[]>>>();

function sharedReadsOf(models: IndicatorCubeModels): LRUCache<string, Promise<CubeRow[]>> {
  let reads = sharedReads.get(models.IndicatorCell);
  if (!reads) {
    reads = new LRUCache({ max: CUBE_READS_REMEMBERED });
    sharedReads.set(models.IndicatorCell, reads);
  }
  return reads;
}

/** A cube read of `build`, from another request's when one made it, else from the store. */
function readCube(models: IndicatorCubeModels, build: string, key: string, read: CubeRead) {
  const reads = sharedReadsOf(models);
  const sharedKey = JSON.stringify([build, key, [...read.fields].sort()]);
  let rows = reads.get(sharedKey);
  if (!rows) {
    // Frozen: every request reads the same rows, none may change them for the others.
    rows = aggregateCube(models, build, read).then((read) => read.map((row) => Object.freeze(row)));
    reads.set(sharedKey, rows);
    rows.catch(() => reads.delete(sharedKey));
  }
  return rows;
}

/**
 * A per-request loader of cube slices. The measures asked for in one request (one tick) are read
 * together: the newest build once, then one aggregation per cube measure and span of years, all
 * in flight at once, each matching the build, the measure, the years and the filter, then grouping
 * by the union of the fields the tables need. One measure per aggregation keeps the match an
 * equality prefix of the {build, measure, year} index: the embedded store answers `measure: {$in}`
 * with a collection scan. Keeps DataLoader's contract: one slice per query, in order.
 */
export function createIndicatorCubeLoader(
  models: IndicatorCubeModels,
): DataLoader<CubeQuery, CubeSlice, string> {
  return new DataLoader<CubeQuery, CubeSlice, string>(
    async (queries) => {
      const newest = await models.IndicatorBuild.findOne(
        {},
        { _id: 1, asOf: 1, builtAt: 1, keyed: 1 },
      )
        .sort({ builtAt: -1, _id: -1 })
        .lean<Pick<IndicatorBuildRecord, '_id' | 'asOf' | 'builtAt' | 'keyed'>>();
      // A build from before cell keys has no key sums: its noise would depend on the count alone.
      const build = newest?.keyed ? newest : null;
      const info = build ? { asOf: build.asOf, builtAt: build.builtAt } : null;
      const reads = new Map<string, CubeRead>();
      const readKeys = queries.map((query) =>
        query.measures.map((measure) => {
          const key = JSON.stringify([
            indicatorKey(query.request),
            measure,
            query.fromYear,
            query.toYear,
          ]);
          const read = reads.get(key) ?? {
            request: query.request,
            measure,
            fromYear: query.fromYear,
            toYear: query.toYear,
            fields: new Set<CubeField>(),
          };
          for (const field of query.fields) read.fields.add(field);
          reads.set(key, read);
          return key;
        }),
      );
      const rows = new Map<string, CubeRow[]>(
        await Promise.all(
          [...reads].map(
            async ([key, read]) =>
              [key, build ? await readCube(models, build._id, key, read) : []] as const,
          ),
        ),
      );
      return readKeys.map((keys) => ({
        rows: keys.flatMap((key) => rows.get(key)!),
        build: info,
        buildId: build?._id ?? null,
      }));
    },
    {
      cacheKeyFn: (query) =>
        JSON.stringify([
          indicatorKey(query.request),
          [...query.measures].sort(),
          query.fromYear,
          query.toYear,
          [...query.fields].sort(),
        ]),
    },
  );
}

async function aggregateCube(
  models: IndicatorCubeModels,
  build: string,
  read: CubeRead,
): Promise<CubeRow[]> {
  const { request } = read;
  const match: Record<string, unknown> = {
    build,
    measure: read.measure,
    year: { $gte: read.fromYear, $lte: read.toYear },
  };
  if (request.region) match.region = request.region;
  if (request.sex) match.sex = request.sex;
  if (request.ageBand) match.ageBand = request.ageBand;
  if (request.destination) match.destination = request.destination;
  const id: Record<string, string> = { measure: '$measure', year: '$year' };
  for (const field of read.fields) if (field !== 'year') id[field] = `$${field}`;
  const pipeline: PipelineStage[] = [
    { $match: match },
    { $group: { _id: id, persons: { $sum: '$persons' }, keySum: { $sum: '$keySum' } } },
  ];
  const grouped = await models.IndicatorCell.aggregate<{
    _id: Omit<CubeRow, 'persons' | 'keySum'>;
    persons: number;
    keySum: number;
  }>(pipeline);
  return grouped.map(({ _id, persons, keySum }) => ({ ...stripMissing(_id), persons, keySum }));
}

/** A grouped field whose value is missing comes back as undefined, which reads as "none". */
function stripMissing(
  id: Omit<CubeRow, 'persons' | 'keySum'>,
): Omit<CubeRow, 'persons' | 'keySum'> {
  return Object.fromEntries(Object.entries(id).filter(([, v]) => v !== undefined)) as Omit<
    CubeRow,
    'persons' | 'keySum'
  >;
}

/**
 * Refuses a request reaching past the newest build's asOf: the cube has counted nothing after
 * that day, and its zeros there would read as "nobody" rather than "not counted yet". Without a
 * build at all the tables are zeros with a null asOf.
 */
export function checkIndicatorCoverage(
  request: IndicatorRequest,
  measure: IndicatorMeasure,
  build: IndicatorBuildInfo | null,
): void {
  if (!build) return;
  const lastYear = build.asOf.getUTCFullYear();
  if (request.toYear <= lastYear) return;
  throw badUserInput(
    request.fromYear === request.toYear ? 'filter.year' : 'filter.toYear',
    request.toYear,
    `must not be after ${lastYear}: the ${measure.agency} statistics cover up to ${formatIsoDate(build.asOf)} until they are refreshed`,
  );
}

/**
 * Published tables remembered per process under the default disclosure control: the same build,
 * request and measure give the same protected table (the noise follows the cell keys, not the
 * request), so it is computed once per build. A refresh's build has a new `builtAt`, hence new
 * keys. Tables are read, never changed, by the resolvers that return them.
 */
const publishedTables = new LRUCache<string, IndicatorTable>({ max: CUBE_READS_REMEMBERED });

/**
 * The protected table of one measure for a request, through the request's cube loader. Without
 * an explicit `control`, the deployment's (disclosureControlFromEnv), and the table is shared.
 */
export async function loadIndicatorTable(
  loader: DataLoader<CubeQuery, CubeSlice, string>,
  request: IndicatorRequest,
  measure: IndicatorMeasure,
  control?: DisclosureControl,
): Promise<IndicatorTable> {
  const fields = dimensionsOf(measure, request)
    .filter((d) => d !== IndicatorDimension.YEAR)
    .map((d) => CUBE_FIELD[d]);
  const years = yearsOf(measure, request);
  const slice = await loader.load({
    request,
    measures: [measure.cube, measure.denominator, measure.contributors].filter(
      (cube): cube is string => cube !== undefined,
    ),
    fromYear: years[0]!,
    toYear: years.at(-1)!,
    fields,
  });
  checkIndicatorCoverage(request, measure, slice.build);
  if (control || !slice.build || !slice.buildId)
    return indicatorTableOf(
      measure,
      request,
      slice.rows,
      control ?? disclosureControlFromEnv(),
      slice.build,
    );
  const key = JSON.stringify([
    slice.buildId ?? null,
    slice.build.builtAt.toISOString(),
    slice.build.asOf.toISOString(),
    minCellSizeFromEnv(),
    measure.agency,
    measure.name,
    indicatorKey(request),
  ]);
  let table = publishedTables.get(key);
  if (!table) {
    table = indicatorTableOf(measure, request, slice.rows, disclosureControlFromEnv(), slice.build);
    publishedTables.set(key, table);
  }
  return table;
}

import { randomUUID } from 'node:crypto';
import { ageBandOf, ageOn, type AgeBand, type RegionCode, type Sex } from '@jol/kernel';
import type { IndicatorCellRecord, IndicatorCubeModels } from './indicator-cube.model';
import { FIRST_INDICATOR_YEAR } from './indicator-request';
import { addKey, createRecordKeys, statisticsSecretFromEnv, type RecordKeys } from './record-key';

/** The dimensions a person is counted by, and the PIN their record key derives from. */
export interface PersonDimensions {
  pin: string;
  sex: Sex;
  birthDate: Date;
  homeRegion: RegionCode;
}

const DAY_MS = 86_400_000;

/**
 * Counts persons into cube cells for one build. The caller adds each person at most once per
 * measure and year (PersonYearChoices helps); the builder only sums, the persons and the sum of
 * their record keys, from which every published cell's key is taken (see record-key.ts). A year
 * is counted up to its reference day: 31 December, or the build's `asOf` for the year that day
 * falls in.
 */
export class IndicatorCubeBuilder {
  readonly firstYear = FIRST_INDICATOR_YEAR;
  readonly lastYear: number;
  private readonly counts = new Map<string, { persons: number; keySum: number }>();

  constructor(
    readonly asOf: Date,
    private readonly recordKeys: RecordKeys,
  ) {
    this.lastYear = asOf.getUTCFullYear();
  }

  /** The day stocks of `year` are counted on, and ages taken at. */
  referenceDay(year: number): Date {
    const yearEnd = new Date(Date.UTC(year, 11, 31));
    return yearEnd < this.asOf ? yearEnd : this.asOf;
  }

  /** The covered years a span touches, both ends included; `to` null means still open. */
  yearsTouched(from: Date, to: Date | null): number[] {
    const first = Math.max(this.firstYear, from.getUTCFullYear());
    const end = to && to < this.asOf ? to : this.asOf;
    const last = Math.min(this.lastYear, end.getUTCFullYear());
    const years: number[] = [];
    for (let year = first; year <= last; year += 1) years.push(year);
    return years;
  }

  /** The covered year of an event, or null when it is before the first year or after asOf. */
  yearOf(day: Date): number | null {
    if (day > this.asOf) return null;
    const year = day.getUTCFullYear();
    return year < this.firstYear ? null : year;
  }

  /** True when [from, to] (to null: open) overlaps `year` up to its reference day. */
  overlapsYear(from: Date, to: Date | null, year: number): boolean {
    const start = new Date(Date.UTC(year, 0, 1));
    return from <= this.referenceDay(year) && (to === null || to >= start);
  }

  /**
   * True when something that began on `from` and ended on `end` (null: not yet; the end day itself
   * no longer counts, a return or an outcome) is ongoing on the reference day of `year`.
   */
  ongoingAtEndOf(from: Date, end: Date | null, year: number): boolean {
    const day = this.referenceDay(year);
    return from <= day && (end === null || end > day);
  }

  ageBandIn(person: PersonDimensions, year: number): AgeBand {
    return ageBandOf(ageOn(person.birthDate, this.referenceDay(year)));
  }

  /**
   * Counts one record in one cell of `measure` for `year`: the person, or (`recordPin`) someone
   * counted by the person's dimensions, as a child by its parent's.
   */
  add(
    measure: string,
    year: number,
    person: PersonDimensions,
    destination: string | null,
    category: string | null = null,
    recordPin: string = person.pin,
  ): void {
    const key = [
      measure,
      year,
      person.homeRegion,
      person.sex,
      this.ageBandIn(person, year),
      destination ?? '',
      category ?? '',
    ].join('|');
    const cell = this.counts.get(key) ?? { persons: 0, keySum: 0 };
    cell.persons += 1;
    cell.keySum = addKey(cell.keySum, this.recordKeys(recordPin));
    this.counts.set(key, cell);
  }

  /** The cells counted so far, for the build `buildId`, in key order. */
  cells(buildId: string): IndicatorCellRecord[] {
    return [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, { persons, keySum }]) => {
        const [measure, year, region, sex, ageBand, destination, category] = key.split('|') as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        return {
          _id: `${buildId}|${key}`,
          build: buildId,
          measure,
          year: Number(year),
          region,
          sex,
          ageBand,
          destination: destination === '' ? null : destination,
          category: category === '' ? null : category,
          persons,
          keySum,
        };
      });
  }
}

/**
 * One choice per measure and year for one person: of the events offered, the latest wins (its
 * destination and details are the ones counted), so a person who left twice in a year is one
 * departure, to the country of the second.
 */
export class PersonYearChoices<T> {
  private readonly chosen = new Map<string, { at: number; payload: T }>();

  offer(measure: string, year: number, at: Date, payload: T): void {
    const key = `${measure}|${year}`;
    const previous = this.chosen.get(key);
    if (!previous || at.getTime() >= previous.at)
      this.chosen.set(key, { at: at.getTime(), payload });
  }

  forEach(visit: (measure: string, year: number, payload: T) => void): void {
    for (const [key, { payload }] of this.chosen) {
      const [measure, year] = key.split('|') as [string, string];
      visit(measure, Number(year), payload);
    }
  }
}

/** Records grouped by PIN, each group in the order read: the builders' join of an agency's collections. */
export async function groupByPin<T extends { pin: string }>(
  records: AsyncIterable<T>,
): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>();
  for await (const record of records) {
    const group = groups.get(record.pin);
    if (group) group.push(record);
    else groups.set(record.pin, [record]);
  }
  return groups;
}

export interface IndicatorBuildOptions {
  /** The last day the build covers. @default today (UTC) */
  asOf?: Date;
  /** @default a random UUID */
  buildId?: string;
  /** @default now */
  builtAt?: Date;
  /** @default keys under the statistics secret of the environment (JOL_STATS_SECRET) */
  recordKeys?: RecordKeys;
}

/** A builder for a build: its day, and the record keys it was given or the environment's. */
export function cubeBuilderFor(options: IndicatorBuildOptions): IndicatorCubeBuilder {
  return new IndicatorCubeBuilder(
    buildDay(options.asOf),
    options.recordKeys ?? createRecordKeys(statisticsSecretFromEnv()),
  );
}

/** The day a build covers up to: `asOf` at UTC midnight, or today. */
export function buildDay(asOf: Date | undefined): Date {
  const day = asOf ?? new Date();
  return new Date(Math.floor(day.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Writes a build's cells, then the build itself (from then on queries read it), then deletes all
 * but the two newest builds: a query that picked the previous build a moment ago still finds it.
 */
export async function writeIndicatorCube(
  models: IndicatorCubeModels,
  builder: IndicatorCubeBuilder,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const buildId = options.buildId ?? randomUUID();
  const cells = builder.cells(buildId);
  for (let from = 0; from < cells.length; from += 5_000) {
    await models.IndicatorCell.collection.insertMany(cells.slice(from, from + 5_000) as never[], {
      ordered: false,
    });
  }
  await models.IndicatorBuild.collection.insertOne({
    _id: buildId,
    asOf: builder.asOf,
    builtAt: options.builtAt ?? new Date(),
    cells: cells.length,
    keyed: true,
  } as never);
  const stale = await models.IndicatorBuild.find({}, { _id: 1 })
    .sort({ builtAt: -1, _id: -1 })
    .skip(2)
    .lean<Array<{ _id: string }>>();
  if (stale.length > 0) {
    const ids = stale.map((build) => build._id);
    await models.IndicatorCell.deleteMany({ build: { $in: ids } });
    await models.IndicatorBuild.deleteMany({ _id: { $in: ids } });
  }
  return { buildId, cells: cells.length };
}

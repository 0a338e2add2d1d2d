import { Field, InputType, Int, ObjectType } from 'type-graphql';
import {
  badUserInput,
  AgeBand,
  CountryCodeScalar,
  parseCountryCode,
  parseRegion,
  RegionScalar,
  type RegionCode,
  Sex,
} from '@jol/kernel';
import { BREAKDOWN_DIMENSIONS, IndicatorDimension, MAX_BREAKDOWNS } from './indicator-dimension';

/** The first year indicators cover: departures are recorded from 2000 on. */
export const FIRST_INDICATOR_YEAR = 2000;

@InputType({
  description:
    'Which persons and years an indicators query covers; all given criteria must hold. Give `year`, or `fromYear` and `toYear`, or neither (the last full calendar year).',
})
export class IndicatorFilter {
  @Field(() => Int, { nullable: true, description: 'One calendar year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'First year of a period (with toYear).' })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of a period, included.' })
  toYear?: number | null;

  @Field(() => RegionScalar, { nullable: true, description: "The person's home region." })
  region?: RegionCode | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;

  @Field(() => AgeBand, { nullable: true, description: "Age on the year's reference day." })
  ageBand?: AgeBand | null;

  @Field(() => CountryCodeScalar, {
    nullable: true,
    description: 'The destination, as the DESTINATION dimension defines it per measure.',
  })
  destination?: string | null;
}

/** A validated, normalized indicators query: what every subgraph computes its measures for. */
export interface IndicatorRequest {
  fromYear: number;
  toYear: number;
  region: RegionCode | null;
  sex: Sex | null;
  ageBand: AgeBand | null;
  destination: string | null;
  /** Breakdowns, in the order given: the first one varies slowest in the rows. */
  by: IndicatorDimension[];
}

@ObjectType({ description: 'The filter an indicators result was computed for, normalized.' })
export class IndicatorScope {
  @Field(() => Int)
  fromYear!: number;

  @Field(() => Int)
  toYear!: number;

  @Field(() => RegionScalar, { nullable: true })
  region!: RegionCode | null;

  @Field(() => Sex, { nullable: true })
  sex!: Sex | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand!: AgeBand | null;

  @Field(() => CountryCodeScalar, { nullable: true })
  destination!: string | null;
}

function checkYear(field: string, value: unknown, lastYear: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < FIRST_INDICATOR_YEAR ||
    value > lastYear
  ) {
    throw badUserInput(field, value, `must be a year from ${FIRST_INDICATOR_YEAR} to ${lastYear}`);
  }
  return value;
}

function checkEnum<T extends string>(
  field: string,
  value: unknown,
  values: Record<string, T>,
): T | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !(Object.values(values) as string[]).includes(value)) {
    throw badUserInput(field, value, `must be one of ${Object.values(values).join(', ')}`);
  }
  return value as T;
}

/**
 * Validates a filter and breakdowns and puts them in one canonical form: a single year becomes
 * fromYear = toYear, no period means the last full calendar year, absent criteria are null.
 * Every value is checked here, not only by GraphQL, because other subgraphs decode the same
 * request from the entity key, which any caller of `_entities` could forge.
 */
export function normalizeIndicatorRequest(
  filter: Partial<Record<keyof IndicatorFilter, unknown>> | null | undefined,
  by: readonly unknown[] | null | undefined,
  now: Date = new Date(),
): IndicatorRequest {
  const f = filter ?? {};
  const lastYear = now.getUTCFullYear();
  const given = (value: unknown) => value !== null && value !== undefined;
  let fromYear: number;
  let toYear: number;
  if (given(f.year)) {
    if (given(f.fromYear) || given(f.toYear)) {
      throw badUserInput('filter.year', f.year, 'must not be given with fromYear or toYear');
    }
    fromYear = toYear = checkYear('filter.year', f.year, lastYear);
  } else if (given(f.fromYear) || given(f.toYear)) {
    if (!given(f.fromYear))
      throw badUserInput('filter.fromYear', f.fromYear, 'must be given with toYear');
    if (!given(f.toYear))
      throw badUserInput('filter.toYear', f.toYear, 'must be given with fromYear');
    fromYear = checkYear('filter.fromYear', f.fromYear, lastYear);
    toYear = checkYear('filter.toYear', f.toYear, lastYear);
    if (fromYear > toYear) {
      throw badUserInput('filter.toYear', toYear, `must not be before fromYear ${fromYear}`);
    }
  } else {
    fromYear = toYear = Math.max(FIRST_INDICATOR_YEAR, lastYear - 1);
  }
  const dimensions = checkBreakdowns(by ?? []);
  return {
    fromYear,
    toYear,
    region: given(f.region) ? parseRegion(f.region, 'filter.region') : null,
    sex: checkEnum('filter.sex', f.sex, Sex),
    ageBand: checkEnum('filter.ageBand', f.ageBand, AgeBand),
    destination: given(f.destination)
      ? parseCountryCode(f.destination, 'filter.destination')
      : null,
    by: dimensions,
  };
}

function checkBreakdowns(by: readonly unknown[]): IndicatorDimension[] {
  if (!Array.isArray(by)) throw badUserInput('by', by, 'must be a list of dimensions');
  if (by.length > MAX_BREAKDOWNS) {
    throw badUserInput('by', by, `must hold at most ${MAX_BREAKDOWNS} dimensions`);
  }
  const allowed = BREAKDOWN_DIMENSIONS as readonly unknown[];
  for (const dimension of by) {
    if (!allowed.includes(dimension)) {
      throw badUserInput('by', dimension, `must hold only ${BREAKDOWN_DIMENSIONS.join(', ')}`);
    }
  }
  if (new Set(by).size !== by.length) throw badUserInput('by', by, 'must not repeat a dimension');
  return [...by] as IndicatorDimension[];
}

/**
 * The entity key of an indicators result: the normalized request as JSON with a fixed field
 * order, so that equal requests give equal keys in every subgraph.
 */
export function indicatorKey(request: IndicatorRequest): string {
  return JSON.stringify({
    fromYear: request.fromYear,
    toYear: request.toYear,
    region: request.region,
    sex: request.sex,
    ageBand: request.ageBand,
    destination: request.destination,
    by: request.by,
  });
}

/** Decodes and re-validates a key; anything but the canonical form of a valid request is refused. */
export function parseIndicatorKey(key: unknown, now: Date = new Date()): IndicatorRequest {
  const refuse = () =>
    badUserInput('Indicators.key', key, 'must be the key of an indicators query result');
  if (typeof key !== 'string' || key.length > 1000) throw refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(key);
  } catch {
    throw refuse();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw refuse();
  const { by, ...filter } = decoded as Record<string, unknown>;
  const request = normalizeIndicatorRequest(
    filter as Partial<Record<keyof IndicatorFilter, unknown>>,
    Array.isArray(by) ? by : [by],
    now,
  );
  if (indicatorKey(request) !== key) throw refuse();
  return request;
}

/** The normalized filter, as the API shows it back. */
export function indicatorScopeOf(request: IndicatorRequest): IndicatorScope {
  return {
    fromYear: request.fromYear,
    toYear: request.toYear,
    region: request.region,
    sex: request.sex,
    ageBand: request.ageBand,
    destination: request.destination,
  };
}

/**
 * What the dashboard shows, and its URL: the measures, the period, the filters, up to two
 * breakdowns and the measure the charts draw. The query string holds all of it and nothing
 * else (never a token), so a view can be bookmarked and shared; anything in it that is not a
 * valid choice is dropped, never sent on.
 */

export const DIMENSIONS = ['REGION', 'SEX', 'AGE_BAND', 'DESTINATION', 'YEAR'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEXES = ['FEMALE', 'MALE'] as const;
export const AGE_BANDS = [
  'AGE_0_14',
  'AGE_15_29',
  'AGE_30_44',
  'AGE_45_59',
  'AGE_60_PLUS',
] as const;

/** The first year indicators cover (departures are recorded from 2000 on). */
export const FIRST_YEAR = 2000;
/** How many years the time series spans when the URL does not say. */
export const DEFAULT_TREND_YEARS = 10;

export interface DashboardView {
  measures: string[];
  /** The measure the bar chart, the map and the time series draw: one of `measures`. */
  focus: string;
  fromYear: number;
  toYear: number;
  region: string | null;
  sex: string | null;
  ageBand: string | null;
  destination: string | null;
  by: Dimension[];
  /** The first year of the time series; it ends with `toYear`. */
  trendFrom: number;
}

export interface ViewContext {
  /** The measures of the graph, in the order they are offered. */
  measures: readonly string[];
  /** The measures shown when the URL names none. */
  defaultMeasures: readonly string[];
  /** The latest year that may be asked for (the current one). */
  lastYear: number;
  /** The regions' codes. */
  regions: readonly string[];
}

function year(value: string | null, context: ViewContext): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const n = Number(value);
  return n >= FIRST_YEAR && n <= context.lastYear ? n : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads a view from a query string; invalid or unknown parts fall back to their defaults. */
export function parseView(search: string, context: ViewContext): DashboardView {
  const params = new URLSearchParams(search);
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const asked = [...new Set(list('measures').filter((m) => context.measures.includes(m)))];
  const measures = asked.length > 0 ? asked : [...context.defaultMeasures];
  const focus = oneOf(params.get('chart'), measures) ?? measures[0]!;

  const single = year(params.get('year'), context);
  let fromYear = single ?? year(params.get('from'), context);
  let toYear = single ?? year(params.get('to'), context);
  if (fromYear === null || toYear === null || fromYear > toYear) {
    fromYear = toYear = Math.max(FIRST_YEAR, context.lastYear - 1);
  }
  const by = [...new Set(list('by').map((d) => oneOf(d.toUpperCase(), DIMENSIONS)))].filter(
    (d): d is Dimension => d !== null,
  );
  const destination = params.get('destination')?.toUpperCase() ?? null;
  const trendFrom = year(params.get('trendFrom'), context);
  return {
    measures,
    focus,
    fromYear,
    toYear,
    region: oneOf(params.get('region'), context.regions),
    sex: oneOf(params.get('sex'), SEXES),
    ageBand: oneOf(params.get('ageBand'), AGE_BANDS),
    destination: destination && /^[A-Z]{2}$/.test(destination) ? destination : null,
    by: by.slice(0, 2),
    trendFrom:
      trendFrom !== null && trendFrom <= toYear
        ? trendFrom
        : Math.max(FIRST_YEAR, toYear - DEFAULT_TREND_YEARS + 1),
  };
}

/** The query string of a view, in a fixed order, with only what differs from no filter. */
export function viewToSearch(view: DashboardView): string {
  const params = new URLSearchParams();
  params.set('measures', view.measures.join(','));
  if (view.focus !== view.measures[0]) params.set('chart', view.focus);
  if (view.fromYear === view.toYear) params.set('year', String(view.fromYear));
  else {
    params.set('from', String(view.fromYear));
    params.set('to', String(view.toYear));
  }
  if (view.region) params.set('region', view.region);
  if (view.sex) params.set('sex', view.sex);
  if (view.ageBand) params.set('ageBand', view.ageBand);
  if (view.destination) params.set('destination', view.destination);
  if (view.by.length > 0) params.set('by', view.by.join(','));
  params.set('trendFrom', String(view.trendFrom));
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

/** The IndicatorFilter of a view, for the years given. */
export function filterOf(
  view: DashboardView,
  years: { fromYear: number; toYear: number } = view,
): Record<string, unknown> {
  const filter: Record<string, unknown> =
    years.fromYear === years.toYear
      ? { year: years.fromYear }
      : { fromYear: years.fromYear, toYear: years.toYear };
  if (view.region) filter.region = view.region;
  if (view.sex) filter.sex = view.sex;
  if (view.ageBand) filter.ageBand = view.ageBand;
  if (view.destination) filter.destination = view.destination;
  return filter;
}

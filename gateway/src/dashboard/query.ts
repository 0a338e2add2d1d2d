import { filterOf, type DashboardView, type Dimension } from './view';

/** A cell, margin or total of an indicator table, as the graph returns it. */
export interface IndicatorRow {
  region: string | null;
  sex: string | null;
  ageBand: string | null;
  destination: string | null;
  year: number | null;
  sector: string | null;
  over: string[];
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorTable {
  measure: string;
  agency: string;
  unit: 'PERSONS' | 'SHARE';
  dimensions: string[];
  rows: IndicatorRow[];
  margins: IndicatorRow[];
  total: IndicatorRow;
  minCellSize: number;
  asOf: string | null;
  refreshedAt: string | null;
}

/** The answers to `dashboardRequests`, merged: each measure's table, and the charts' own. */
export interface DashboardData {
  table: Record<string, IndicatorTable | null>;
  map: { focus: IndicatorTable | null } | null;
  trend: { focus: IndicatorTable | null } | null;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
}

/**
 * How many measures' tables one request asks for: each costs about 630 under the gateway's cost
 * limit (5,000), so the nineteen measures are asked for in a few requests, sent together.
 */
export const MEASURES_PER_REQUEST = 6;

const ROW = 'region sex ageBand destination year sector over value suppressed';

/**
 * The time series' breakdown: by year, and by the view's first other breakdown if it has one, so
 * that the lines follow what the table compares.
 */
export function trendBreakdown(view: DashboardView): Dimension[] {
  const other = view.by.find((dimension) => dimension !== 'YEAR');
  return other ? ['YEAR', other] : ['YEAR'];
}

const FRAGMENTS = `fragment Table on IndicatorTable { measure agency unit dimensions minCellSize asOf refreshedAt rows { ...Row } margins { ...Row } total { ...Row } }
fragment Row on IndicatorRow { ${ROW} }`;

/**
 * The GraphQL requests for a view: one for the charts (the focused measure by region for the map,
 * by year over the time series' span for the time series), then the chosen measures under the
 * view's filter and breakdowns (the tables and the bar chart), a few measures per request.
 * Measure names become field names, so they are checked against the names the page knows before
 * they are written into a document.
 */
export function dashboardRequests(
  view: DashboardView,
  knownMeasures: readonly string[],
): GraphQLRequest[] {
  for (const measure of [...view.measures, view.focus]) {
    if (!knownMeasures.includes(measure)) {
      throw new Error(`Unknown measure ${JSON.stringify(measure)}`);
    }
  }
  const filter = filterOf(view);
  const charts: GraphQLRequest = {
    operationName: 'DashboardCharts',
    query: `query DashboardCharts($filter: IndicatorFilter, $trendFilter: IndicatorFilter, $trendBy: [IndicatorDimension!]) {
  map: indicators(filter: $filter, by: [REGION]) { focus: ${view.focus} { ...Table } }
  trend: indicators(filter: $trendFilter, by: $trendBy) { focus: ${view.focus} { ...Table } }
}
${FRAGMENTS}`,
    variables: {
      filter,
      trendFilter: filterOf(view, { fromYear: view.trendFrom, toYear: view.toYear }),
      trendBy: trendBreakdown(view),
    },
  };
  const tables: GraphQLRequest[] = [];
  for (let i = 0; i < view.measures.length; i += MEASURES_PER_REQUEST) {
    const measures = view.measures.slice(i, i + MEASURES_PER_REQUEST);
    tables.push({
      operationName: 'DashboardTables',
      query: `query DashboardTables($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  table: indicators(filter: $filter, by: $by) { ${measures.map((m) => `${m} { ...Table }`).join(' ')} }
}
${FRAGMENTS}`,
      variables: { filter, by: view.by },
    });
  }
  return [charts, ...tables];
}

/** The query string of /indicators.csv for the view's table (the gateway's own CSV export). */
export function csvSearch(view: DashboardView): string {
  const params = new URLSearchParams({
    measures: view.measures.join(','),
    filter: JSON.stringify(filterOf(view)),
  });
  if (view.by.length > 0) params.set('by', view.by.join(','));
  return `?${params.toString()}`;
}

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

/** The answer to `dashboardRequest`: the table of each measure, and the charts' own tables. */
export interface DashboardData {
  table: Record<string, IndicatorTable | null> & {
    filter: { fromYear: number; toYear: number };
  };
  map: { focus: IndicatorTable | null };
  trend: { focus: IndicatorTable | null };
}

const ROW = 'region sex ageBand destination year sector over value suppressed';

/**
 * The time series' breakdown: by year, and by the view's first other breakdown if it has one, so
 * that the lines follow what the table compares.
 */
export function trendBreakdown(view: DashboardView): Dimension[] {
  const other = view.by.find((dimension) => dimension !== 'YEAR');
  return other ? ['YEAR', other] : ['YEAR'];
}

/**
 * One GraphQL request for a view: the chosen measures under the view's filter and breakdowns
 * (the table and the bar chart), the focused measure by region (the map) and by year over the
 * time series' span (the time series). Measure names become field names, so they are checked
 * against the names the page knows before they are written into the document.
 */
export function dashboardRequest(
  view: DashboardView,
  knownMeasures: readonly string[],
): { query: string; variables: Record<string, unknown>; operationName: string } {
  for (const measure of [...view.measures, view.focus]) {
    if (!knownMeasures.includes(measure))
      throw new Error(`Unknown measure ${JSON.stringify(measure)}`);
  }
  const measures = view.measures.map((measure) => `${measure} { ...Table }`).join(' ');
  const query = `query Dashboard($filter: IndicatorFilter, $by: [IndicatorDimension!], $trendFilter: IndicatorFilter, $trendBy: [IndicatorDimension!]) {
  table: indicators(filter: $filter, by: $by) { filter { fromYear toYear } ${measures} }
  map: indicators(filter: $filter, by: [REGION]) { focus: ${view.focus} { ...Table } }
  trend: indicators(filter: $trendFilter, by: $trendBy) { focus: ${view.focus} { ...Table } }
}
fragment Table on IndicatorTable { measure agency unit dimensions minCellSize asOf refreshedAt rows { ...Row } margins { ...Row } total { ...Row } }
fragment Row on IndicatorRow { ${ROW} }`;
  return {
    query,
    operationName: 'Dashboard',
    variables: {
      filter: filterOf(view),
      by: view.by,
      trendFilter: filterOf(view, { fromYear: view.trendFrom, toYear: view.toYear }),
      trendBy: trendBreakdown(view),
    },
  };
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

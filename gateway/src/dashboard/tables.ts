import type { IndicatorRow, IndicatorTable } from './query';
import { regionName, REGIONS } from './regions';

/**
 * Turns the graph's indicator tables into what the page draws: a cross-tabulation for the table,
 * categories and series for the bar chart and the time series, a value per region for the map.
 * Nothing here computes a figure: every number shown is one the graph published, and a withheld
 * cell stays withheld (null) wherever it appears.
 */

const FIELDS: Record<string, keyof IndicatorRow> = {
  REGION: 'region',
  SEX: 'sex',
  AGE_BAND: 'ageBand',
  DESTINATION: 'destination',
  YEAR: 'year',
  SECTOR: 'sector',
};

const DIMENSION_NAMES: Record<string, string> = {
  REGION: 'Region',
  SEX: 'Sex',
  AGE_BAND: 'Age band',
  DESTINATION: 'Destination',
  YEAR: 'Year',
  SECTOR: 'Sector',
};

const SEX_NAMES: Record<string, string> = { FEMALE: 'Women', MALE: 'Men' };

/** A dimension's heading. */
export function dimensionName(dimension: string): string {
  return DIMENSION_NAMES[dimension] ?? dimension;
}

/** The key of a row in one dimension: its value as a string, '' for none (no destination). */
export function keyOf(row: IndicatorRow, dimension: string): string {
  const value = row[FIELDS[dimension] ?? 'region'];
  return value === null || value === undefined ? '' : String(value);
}

/** How a value of a dimension reads in the page. */
export function labelOf(dimension: string, key: string): string {
  if (key === '') return dimension === 'DESTINATION' ? 'never abroad' : '(none)';
  switch (dimension) {
    case 'REGION':
      return regionName(key);
    case 'SEX':
      return SEX_NAMES[key] ?? key;
    case 'AGE_BAND':
      return key.replace(/^AGE_/, '').replace('_PLUS', '+').replace('_', '-');
    case 'SECTOR':
      return key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' ');
    default:
      return key;
  }
}

/** A published value as text: persons with digit grouping, shares as percentages. */
export function formatValue(table: Pick<IndicatorTable, 'unit'>, row: IndicatorRow): string {
  if (row.suppressed || row.value === null) return 'withheld';
  if (table.unit === 'SHARE') return `${(row.value * 100).toFixed(1)}%`;
  return row.value.toLocaleString('en-US');
}

/** The keys of a dimension in the order the graph lists its rows (regions in the page's order). */
function keysOf(rows: readonly IndicatorRow[], dimension: string): string[] {
  const keys = [...new Set(rows.map((row) => keyOf(row, dimension)))];
  if (dimension === 'REGION') {
    const order = REGIONS.map((region) => region.code);
    keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return keys;
}

export interface CrossTab {
  rowDimension: string | null;
  columnDimension: string | null;
  rowKeys: string[];
  columnKeys: string[];
  /** The cell at a row key and a column key ('' for a table of fewer dimensions). */
  cell(rowKey: string, columnKey: string): IndicatorRow | undefined;
  /** The total of a row over the column dimension (two-way tables only). */
  rowTotal(rowKey: string): IndicatorRow | undefined;
  /** The total of a column over the row dimension (two-way tables only). */
  columnTotal(columnKey: string): IndicatorRow | undefined;
  total: IndicatorRow;
}

/** The table as rows of its first dimension and columns of its second. */
export function crossTab(table: IndicatorTable): CrossTab {
  const [rowDimension = null, columnDimension = null] = table.dimensions;
  const cells = new Map<string, IndicatorRow>();
  const key = (r: string, c: string) => `${r}\u0000${c}`;
  for (const row of table.rows) {
    cells.set(
      key(
        rowDimension ? keyOf(row, rowDimension) : '',
        columnDimension ? keyOf(row, columnDimension) : '',
      ),
      row,
    );
  }
  const marginOver = (over: string | null, dimension: string | null, k: string) =>
    table.margins.find(
      (m) =>
        over !== null && dimension !== null && m.over.includes(over) && keyOf(m, dimension) === k,
    );
  return {
    rowDimension,
    columnDimension,
    rowKeys: rowDimension ? keysOf(table.rows, rowDimension) : [''],
    columnKeys: columnDimension ? keysOf(table.rows, columnDimension) : [''],
    cell: (r, c) => cells.get(key(r, c)),
    rowTotal: (r) => marginOver(columnDimension, rowDimension, r),
    columnTotal: (c) => marginOver(rowDimension, columnDimension, c),
    total: table.total,
  };
}

export interface ChartSeries {
  /** The series' key in the second dimension ('' when there is none). */
  key: string;
  name: string;
  /** One per category, in order: the published row, absent where the table has none. */
  rows: Array<IndicatorRow | undefined>;
}

export interface ChartData {
  categoryDimension: string | null;
  categories: Array<{ key: string; name: string }>;
  seriesDimension: string | null;
  series: ChartSeries[];
}

/**
 * Categories from the table's first dimension and one series per value of its second (one series
 * for a one-way table; the total alone for a table without breakdowns).
 */
export function chartData(table: IndicatorTable): ChartData {
  const tab = crossTab(table);
  const categories = tab.rowDimension
    ? tab.rowKeys.map((key) => ({ key, name: labelOf(tab.rowDimension!, key) }))
    : [{ key: '', name: 'Total' }];
  const series = tab.columnKeys.map((columnKey) => ({
    key: columnKey,
    name: tab.columnDimension ? labelOf(tab.columnDimension, columnKey) : table.measure,
    rows: tab.rowDimension
      ? tab.rowKeys.map((rowKey) => tab.cell(rowKey, columnKey))
      : [table.total],
  }));
  return {
    categoryDimension: tab.rowDimension,
    categories,
    seriesDimension: tab.columnDimension,
    series,
  };
}

/** The map's figure for each region: the table's row of that region (by REGION only). */
export function regionRows(table: IndicatorTable): Map<string, IndicatorRow> {
  if (table.dimensions.length !== 1 || table.dimensions[0] !== 'REGION') return new Map();
  return new Map(table.rows.map((row) => [keyOf(row, 'REGION'), row]));
}

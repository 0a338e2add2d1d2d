import type { IndicatorRow, IndicatorTable } from './query';
import { chartData, crossTab, formatValue, labelOf, regionRows } from './tables';

function row(fields: Partial<IndicatorRow>): IndicatorRow {
  return {
    region: null,
    sex: null,
    ageBand: null,
    destination: null,
    year: null,
    sector: null,
    over: [],
    value: null,
    suppressed: false,
    ...fields,
  };
}

/** A published region x sex table, written out by hand: one cell withheld. */
const TABLE: IndicatorTable = {
  measure: 'returns',
  agency: 'migration',
  unit: 'PERSONS',
  dimensions: ['REGION', 'SEX'],
  rows: [
    row({ region: 'KG-N', sex: 'FEMALE', value: null, suppressed: true }),
    row({ region: 'KG-N', sex: 'MALE', value: 12 }),
    row({ region: 'KG-GB', sex: 'FEMALE', value: 0 }),
    row({ region: 'KG-GB', sex: 'MALE', value: 1234 }),
  ],
  margins: [
    row({ region: 'KG-N', over: ['SEX'], value: 15 }),
    row({ region: 'KG-GB', over: ['SEX'], value: 1233 }),
    row({ sex: 'FEMALE', over: ['REGION'], value: 10 }),
    row({ sex: 'MALE', over: ['REGION'], value: 1247 }),
  ],
  total: row({ over: ['REGION', 'SEX'], value: 1250 }),
  minCellSize: 10,
  asOf: '2025-12-31',
  refreshedAt: null,
};

describe('shaping published tables', () => {
  it('cross-tabulates cells, margins and total, regions in the page’s order', () => {
    const tab = crossTab(TABLE);
    expect(tab.rowKeys).toEqual(['KG-GB', 'KG-N']);
    expect(tab.columnKeys).toEqual(['FEMALE', 'MALE']);
    expect(tab.cell('KG-N', 'MALE')?.value).toBe(12);
    expect(tab.cell('KG-N', 'FEMALE')?.suppressed).toBe(true);
    expect(tab.rowTotal('KG-GB')?.value).toBe(1233);
    expect(tab.columnTotal('MALE')?.value).toBe(1247);
    expect(tab.total.value).toBe(1250);
  });

  it('keeps a withheld cell withheld in the charts’ series, never a number', () => {
    const data = chartData(TABLE);
    expect(data.categories.map((c) => c.name)).toEqual(['Bishkek', 'Naryn']);
    expect(data.series.map((s) => s.name)).toEqual(['Women', 'Men']);
    expect(data.series[0]!.rows.map((r) => r && formatValue(TABLE, r))).toEqual(['0', 'withheld']);
    expect(data.series[1]!.rows.map((r) => r && formatValue(TABLE, r))).toEqual(['1,234', '12']);
  });

  it('charts a table without breakdowns as its total alone', () => {
    const total = { ...TABLE, dimensions: [], rows: [], margins: [] };
    const data = chartData(total);
    expect(data.categories).toEqual([{ key: '', name: 'Total' }]);
    expect(data.series[0]!.rows).toEqual([TABLE.total]);
  });

  it('gives the map a figure per region only from a table by region alone', () => {
    expect(regionRows(TABLE).size).toBe(0);
    const byRegion = { ...TABLE, dimensions: ['REGION'], rows: TABLE.margins.slice(0, 2) };
    expect([...regionRows(byRegion)].map(([code, r]) => [code, r.value])).toEqual([
      ['KG-N', 15],
      ['KG-GB', 1233],
    ]);
  });

  it('writes shares as percentages and names values of each dimension', () => {
    expect(formatValue({ unit: 'SHARE' }, row({ value: 0.4123 }))).toBe('41.2%');
    expect(labelOf('AGE_BAND', 'AGE_60_PLUS')).toBe('60+');
    expect(labelOf('AGE_BAND', 'AGE_15_29')).toBe('15-29');
    expect(labelOf('DESTINATION', '')).toBe('never abroad');
    expect(labelOf('REGION', 'KG-GO')).toBe('Osh city');
    expect(labelOf('SECTOR', 'CONSTRUCTION')).toBe('Construction');
  });
});

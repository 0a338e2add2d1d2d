import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { IndicatorRow, IndicatorTable } from '../query';
import { REGIONS } from '../regions';
import { chartData, dimensionName, formatValue, regionRows, type ChartData } from '../tables';
import regionsGeoJson from '../kg-regions.geo.json';

// Only the parts drawn here are bundled (ECharts' tree-shakable entry points).
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  ScatterChart,
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);
echarts.registerMap('KG', regionsGeoJson as Parameters<typeof echarts.registerMap>[1]);

export { echarts };

/** Tooltips are HTML: every text in them, from the graph or the page, is escaped. */
const encodeHTML = echarts.format.encodeHTML;
export type ChartOption = echarts.EChartsCoreOption;

/** Okabe and Ito's palette, which readers with any common colour vision deficiency can tell apart. */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
];
/** A single-hue sequential scale (ColorBrewer Blues), readable without colour vision. */
const SEQUENTIAL = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];

/** How a withheld cell is drawn everywhere: grey, hatched, outlined with a dashed line. */
const WITHHELD_STYLE = {
  color: '#e0e0e0',
  areaColor: '#e0e0e0',
  borderColor: '#555555',
  borderType: 'dashed',
  borderWidth: 1,
  decal: {
    symbol: 'rect',
    symbolSize: 1,
    dashArrayX: [1, 0],
    dashArrayY: [2, 5],
    rotation: -Math.PI / 4,
    color: '#777777',
  },
} as const;

/** The sentence that explains a withheld cell. */
export function withheldExplanation(
  table: Pick<IndicatorTable, 'unit' | 'minCellSize'>,
  maxNoise: number,
): string {
  return table.unit === 'SHARE'
    ? 'withheld: a count it is taken of is withheld'
    : `withheld: counts 1 to ${table.minCellSize - 1 + maxNoise} persons`;
}

function humanise(measure: string): string {
  const words = measure.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/(\d)([A-Z])/g, '$1 $2');
  const sentence = words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
  return sentence.replace(/\btb\b/gi, 'TB');
}

/** A measure's name as the page writes it (personsAbroad: "Persons abroad"). */
export const measureTitle = humanise;

/** What a screen reader says of a chart: every category and series with its published value. */
function describe(title: string, table: IndicatorTable, data: ChartData): string {
  const by = [data.categoryDimension, data.seriesDimension]
    .filter((d): d is string => d !== null)
    .map((d) => dimensionName(d).toLowerCase());
  const parts = data.categories.map((category, i) => {
    const values = data.series.map((series) => {
      const row = series.rows[i];
      const value = row ? formatValue(table, row) : 'no figure';
      return data.seriesDimension ? `${series.name} ${value}` : value;
    });
    return `${category.name}: ${values.join(', ')}`;
  });
  return `${title}${by.length ? ` by ${by.join(' and ')}` : ''}. ${parts.join('; ')}.`;
}

function axisFormatter(table: IndicatorTable) {
  return (value: number) =>
    table.unit === 'SHARE' ? `${Math.round(value * 100)}%` : value.toLocaleString('en-US');
}

interface ItemParams {
  seriesName?: string;
  name?: string;
  data?: unknown;
}

function tooltipOf(table: IndicatorTable, maxNoise: number) {
  return (params: ItemParams) => {
    const item = params.data as { row?: IndicatorRow } | undefined;
    const row = item?.row;
    const value = !row
      ? 'no figure'
      : row.suppressed
        ? withheldExplanation(table, maxNoise)
        : formatValue(table, row);
    const series =
      params.seriesName && params.seriesName !== table.measure ? `${params.seriesName}, ` : '';
    return encodeHTML(`${params.name ?? ''}\n${series}${value}`).replace('\n', '<br/>');
  };
}

/** The bar chart of a table: categories of its first breakdown, one series per value of the second. */
export function barOption(table: IndicatorTable, maxNoise: number): ChartOption {
  const data = chartData(table);
  const published = data.series.flatMap((s) =>
    s.rows.filter((r): r is IndicatorRow => !!r && !r.suppressed && r.value !== null),
  );
  const largest = Math.max(0, ...published.map((row) => row.value!));
  // A withheld cell is drawn as a short hatched stub, not at any height a value could have.
  const stub = largest > 0 ? largest * 0.04 : 1;
  const bars = data.categories.length * data.series.length;
  const title = measureTitle(table.measure);
  return {
    color: OKABE_ITO,
    aria: { enabled: true, label: { description: describe(title, table, data) } },
    tooltip: { trigger: 'item', formatter: tooltipOf(table, maxNoise) },
    legend: data.seriesDimension ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 8, top: data.seriesDimension ? 36 : 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.categories.map((c) => c.name),
      axisLabel: { interval: 0, rotate: data.categories.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: axisFormatter(table) } },
    series: data.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.rows.map((row) => {
        if (!row) return { value: '-' };
        if (row.suppressed || row.value === null) {
          return {
            value: stub,
            row,
            itemStyle: WITHHELD_STYLE,
            label: { show: true, position: 'top', formatter: 'withheld', color: '#333333' },
          };
        }
        return { value: row.value, row };
      }),
      label: {
        show: bars <= 40,
        position: 'top',
        fontSize: 11,
        rotate: bars > 12 ? 90 : 0,
        align: bars > 12 ? 'left' : 'center',
        verticalAlign: 'middle',
        formatter: (params: ItemParams) => {
          const row = (params.data as { row?: IndicatorRow }).row;
          return row ? formatValue(table, row) : '';
        },
      },
    })),
  };
}

/** The time series: years along the axis, one line per value of the table's second breakdown. */
export function trendOption(table: IndicatorTable, maxNoise: number): ChartOption {
  const data = chartData(table);
  const title = measureTitle(table.measure);
  const withheld = data.series.flatMap((series) =>
    series.rows.flatMap((row, i) =>
      row && (row.suppressed || row.value === null)
        ? [{ value: [i, 0], row, name: data.categories[i]!.name, seriesName: series.name }]
        : [],
    ),
  );
  return {
    color: OKABE_ITO,
    aria: { enabled: true, label: { description: describe(title, table, data) } },
    tooltip: { trigger: 'item', formatter: tooltipOf(table, maxNoise) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.categories.map((c) => c.name), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: axisFormatter(table) } },
    series: [
      ...data.series.map((series, index) => ({
        type: 'line',
        name: series.name,
        // Distinct markers as well as colours, so lines are told apart without colour.
        symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'][index % 7],
        symbolSize: 7,
        connectNulls: false,
        data: series.rows.map((row) =>
          row && !row.suppressed && row.value !== null ? { value: row.value, row } : { value: '-' },
        ),
      })),
      ...(withheld.length
        ? [
            {
              type: 'scatter',
              name: 'Withheld',
              symbol: 'emptyTriangle',
              symbolSize: 10,
              itemStyle: { color: '#555555' },
              data: withheld,
            },
          ]
        : []),
    ],
  };
}

/**
 * The map: the regions' boundaries coloured by value on a sequential scale, the two cities as
 * circles, every region labelled with its name and figure; withheld regions grey and hatched.
 */
export function mapOption(table: IndicatorTable, maxNoise: number): ChartOption {
  const rows = regionRows(table);
  const published = [...rows.values()].filter((r) => !r.suppressed && r.value !== null);
  const values = published.map((r) => r.value!);
  const figure = (code: string) => {
    const row = rows.get(code);
    return row ? formatValue(table, row) : 'no figure';
  };
  const isWithheld = (code: string) => {
    const row = rows.get(code);
    return !!row && (row.suppressed || row.value === null);
  };
  const valueOf = (code: string) => {
    const row = rows.get(code);
    return row && !row.suppressed && row.value !== null ? row.value : '-';
  };
  const title = measureTitle(table.measure);
  const description = `${title} by region. ${REGIONS.map((r) => `${r.name}: ${figure(r.code)}`).join('; ')}.`;
  return {
    aria: { enabled: true, label: { description } },
    tooltip: {
      trigger: 'item',
      formatter: (params: ItemParams) => {
        const code = (params.data as { code?: string } | undefined)?.code ?? params.name ?? '';
        const region = REGIONS.find((r) => r.code === code);
        const row = rows.get(code);
        const text = row?.suppressed ? withheldExplanation(table, maxNoise) : figure(code);
        return encodeHTML(`${region?.name ?? code}\n${text}`).replace('\n', '<br/>');
      },
    },
    visualMap: {
      type: 'continuous',
      min: values.length ? Math.min(...values) : 0,
      max: values.length
        ? Math.max(...values, Math.min(...values) + (table.unit === 'SHARE' ? 0.01 : 1))
        : 1,
      inRange: { color: SEQUENTIAL },
      seriesIndex: [0, 1],
      left: 8,
      bottom: 8,
      itemHeight: 90,
      calculable: false,
      text: [
        axisFormatter(table)(values.length ? Math.max(...values) : 1),
        axisFormatter(table)(values.length ? Math.min(...values) : 0),
      ],
      formatter: axisFormatter(table),
    },
    geo: {
      map: 'KG',
      roam: false,
      left: 70,
      right: 8,
      top: 24,
      bottom: 8,
      aspectScale: 0.76,
      silent: false,
      label: { show: false },
      emphasis: { label: { show: false }, itemStyle: { areaColor: undefined, borderWidth: 2 } },
      itemStyle: { areaColor: '#f7f7f7', borderColor: '#333333', borderWidth: 0.8 },
      regions: REGIONS.filter((r) => !r.city && isWithheld(r.code)).map((r) => ({
        name: r.code,
        itemStyle: WITHHELD_STYLE,
      })),
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: REGIONS.filter((r) => !r.city).map((r) => ({
          name: r.code,
          code: r.code,
          value: valueOf(r.code),
        })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        symbolSize: 18,
        itemStyle: { borderColor: '#333333', borderWidth: 1 },
        label: {
          show: true,
          position: 'left',
          distance: 8,
          lineHeight: 14,
          formatter: (params: ItemParams) => {
            const code = (params.data as { code: string }).code;
            return `{name|${REGIONS.find((r) => r.code === code)!.name}}\n{value|${figure(code)}}`;
          },
          rich: {
            name: { fontSize: 11, color: '#222222' },
            value: { fontSize: 12, fontWeight: 'bold', color: '#000000' },
          },
          backgroundColor: 'rgba(255,255,255,0.8)',
          padding: [1, 3],
        },
        data: REGIONS.filter((r) => r.city).map((r) => ({
          name: r.code,
          code: r.code,
          value: [...r.at, valueOf(r.code)],
          ...(isWithheld(r.code) ? { itemStyle: WITHHELD_STYLE } : {}),
        })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 0,
        silent: true,
        label: {
          show: true,
          position: 'inside',
          formatter: (params: ItemParams) => {
            const code = (params.data as { code: string }).code;
            return `{name|${REGIONS.find((r) => r.code === code)!.name}}\n{value|${figure(code)}}`;
          },
          rich: {
            name: { fontSize: 11, color: '#222222' },
            value: { fontSize: 12, fontWeight: 'bold', color: '#000000' },
          },
          backgroundColor: 'rgba(255,255,255,0.8)',
          padding: [1, 3],
          lineHeight: 14,
        },
        data: REGIONS.filter((r) => !r.city).map((r) => ({
          name: r.code,
          code: r.code,
          value: r.at,
        })),
      },
    ],
  };
}

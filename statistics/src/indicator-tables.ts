import { AgeBand, REGION_CODES, Sex } from '@jol/kernel';
import { CUBE_FIELD, IndicatorDimension } from './indicator-dimension';
import type { IndicatorRequest } from './indicator-request';
import { IndicatorUnit, type IndicatorRow, type IndicatorTable } from './indicator-table.type';
import type { DisclosureControl } from './disclosure-control';
import { perturbCount } from './ptable';
import { addKey, cellKeyOf } from './record-key';
import { isSmallGroup, protectOneWay, protectTwoWay, type StatCell } from './suppression';

/**
 * From cube rows to published tables: the cells, margins and total of one measure for one
 * request, with disclosure control applied (see disclosure-control.ts). Pure: the cube is read
 * elsewhere.
 *
 * Under the cell key method every margin and total is perturbed as a cell in its own right, from
 * the keys of the records it counts: the same group of persons gets the same value in every
 * table, but a table's cells do not add up exactly to its margins and total.
 */

/** How a measure adds up over the years of a period. */
export type MeasureTiming =
  /** Counted on one day (persons abroad): a period without a YEAR breakdown takes its last year. */
  | 'STOCK'
  /** Counted over each year (departures): a period sums the yearly counts. */
  | 'PERIOD';

export interface IndicatorMeasure {
  /** The field of Indicators. */
  name: string;
  agency: string;
  description: string;
  timing: MeasureTiming;
  unit: IndicatorUnit;
  /** The cube measure counted; for a share, its numerator. */
  cube: string;
  /** For a share: the cube measure of the denominator. */
  denominator?: string;
  /**
   * For a count of persons other than those its dimensions describe (children, by their parent's
   * region, sex, age and destination): the cube measure counting the persons described. A cell is
   * withheld when they are 1 to K-1 too, since 12 children of one parent are about that parent.
   */
  contributors?: string;
  /** A breakdown of the measure's own, used instead of the request's `by`. */
  dimensions?: IndicatorDimension[];
}

/** A grouped cube cell: persons per measure and year, and the value of each grouped field. */
export interface CubeRow {
  measure: string;
  year: number;
  persons: number;
  /** The sum of the record keys of the persons, modulo KEY_SPACE (0 for the legacy method). */
  keySum: number;
  region?: string;
  sex?: string;
  ageBand?: string;
  destination?: string | null;
  category?: string | null;
}

export interface IndicatorBuildInfo {
  asOf: Date;
  builtAt: Date;
}

/** The dimensions a measure's table has for a request. */
export function dimensionsOf(
  measure: IndicatorMeasure,
  request: IndicatorRequest,
): IndicatorDimension[] {
  return measure.dimensions ?? request.by;
}

/** The years whose counts a measure's table sums for a request. */
export function yearsOf(measure: IndicatorMeasure, request: IndicatorRequest): number[] {
  const dimensions = dimensionsOf(measure, request);
  if (measure.timing === 'STOCK' && !dimensions.includes(IndicatorDimension.YEAR)) {
    return [request.toYear];
  }
  const years: number[] = [];
  for (let year = request.fromYear; year <= request.toYear; year += 1) years.push(year);
  return years;
}

/** A dimension value as a map key; a missing destination or sector is ''. */
function keyPart(row: CubeRow, dimension: IndicatorDimension): string {
  const value = row[CUBE_FIELD[dimension]];
  return value === null || value === undefined ? '' : String(value);
}

const NONE = '';

/** The categories of each dimension: fixed lists, narrowed by the filter, or those in the data. */
function domainOf(
  dimension: IndicatorDimension,
  request: IndicatorRequest,
  years: number[],
  rows: CubeRow[],
): string[] {
  switch (dimension) {
    case IndicatorDimension.REGION:
      return request.region ? [request.region] : [...REGION_CODES];
    case IndicatorDimension.SEX:
      return request.sex ? [request.sex] : [Sex.FEMALE, Sex.MALE];
    case IndicatorDimension.AGE_BAND:
      return request.ageBand ? [request.ageBand] : Object.values(AgeBand);
    case IndicatorDimension.YEAR:
      return years.map(String);
    case IndicatorDimension.DESTINATION:
      if (request.destination) return [request.destination];
      return sortedWithNoneLast(rows.map((row) => keyPart(row, dimension)));
    case IndicatorDimension.SECTOR:
      return sortedWithNoneLast(rows.map((row) => keyPart(row, dimension)));
  }
}

function sortedWithNoneLast(values: string[]): string[] {
  const distinct = [...new Set(values)];
  const named = distinct.filter((v) => v !== NONE).sort();
  return distinct.includes(NONE) ? [...named, NONE] : named;
}

/** Persons (and the sums of their record keys) per year for each combination of values. */
class YearlyCounts {
  private readonly byKey = new Map<string, number[]>();
  private readonly keySums = new Map<string, number>();

  constructor(
    rows: CubeRow[],
    dimensions: IndicatorDimension[],
    private readonly years: number[],
  ) {
    const yearIndex = new Map(years.map((year, i) => [year, i]));
    for (const row of rows) {
      const y = yearIndex.get(row.year);
      if (y === undefined) continue;
      const key = dimensions.map((d) => keyPart(row, d)).join('\u0000');
      let counts = this.byKey.get(key);
      if (!counts) this.byKey.set(key, (counts = new Array<number>(years.length).fill(0)));
      counts[y]! += row.persons;
      this.keySums.set(key, addKey(this.keySums.get(key) ?? 0, cellKeyOf(row.keySum)));
    }
  }

  /** The key sum of the combinations matching `values`, over every year. */
  keySum(values: Array<string | null>): number {
    let sum = 0;
    for (const [key, keySum] of this.keySums) {
      const parts = key.split('\u0000');
      if (values.some((value, i) => value !== null && parts[i] !== value)) continue;
      sum = addKey(sum, keySum);
    }
    return sum;
  }

  /** The yearly counts of the combinations matching `values` (null: any value). */
  yearly(values: Array<string | null>): number[] {
    const sums = new Array<number>(this.years.length).fill(0);
    for (const [key, counts] of this.byKey) {
      const parts = key.split('\u0000');
      if (values.some((value, i) => value !== null && parts[i] !== value)) continue;
      counts.forEach((n, y) => (sums[y]! += n));
    }
    return sums;
  }
}

function cellOf(yearly: number[]): StatCell {
  return {
    value: yearly.reduce((a, b) => a + b, 0),
    // Within a year each person counts once, so the largest year is a floor on distinct persons.
    persons: yearly.reduce((a, b) => Math.max(a, b), 0),
    suppressed: false,
  };
}

/** A table's shape: its dimensions, their categories, and which cells its rows are. */
interface Shape {
  dimensions: IndicatorDimension[];
  domains: string[][];
}

/** Every published entry of a table, in output order, with the dimension values it stands for. */
interface Entry {
  values: Array<string | null>;
  over: IndicatorDimension[];
  kind: 'cell' | 'margin' | 'total';
}

function entriesOf(shape: Shape): Entry[] {
  const [first, second] = shape.domains;
  const entries: Entry[] = [];
  if (shape.dimensions.length === 0) return [{ values: [], over: [], kind: 'total' }];
  if (shape.dimensions.length === 1) {
    for (const a of first!) entries.push({ values: [a], over: [], kind: 'cell' });
  } else {
    for (const a of first!)
      for (const b of second!) entries.push({ values: [a, b], over: [], kind: 'cell' });
    for (const a of first!)
      entries.push({ values: [a, null], over: [shape.dimensions[1]!], kind: 'margin' });
    for (const b of second!)
      entries.push({ values: [null, b], over: [shape.dimensions[0]!], kind: 'margin' });
  }
  entries.push({
    values: shape.dimensions.map(() => null),
    over: [...shape.dimensions],
    kind: 'total',
  });
  return entries;
}

/** The cells of the entries, protected: primary by `isPrimary`, then complementary. */
function protect(shape: Shape, cells: StatCell[], isPrimary: (index: number) => boolean): void {
  cells.forEach((cell, i) => {
    if (isPrimary(i)) cell.suppressed = true;
  });
  const [first, second] = shape.domains;
  if (shape.dimensions.length === 1) {
    protectOneWay({ cells: cells.slice(0, first!.length), total: cells.at(-1)! });
  } else if (shape.dimensions.length === 2) {
    const m = first!.length;
    const n = second!.length;
    protectTwoWay({
      cells: Array.from({ length: m }, (_, i) => cells.slice(i * n, (i + 1) * n)),
      rowTotals: cells.slice(m * n, m * n + m),
      columnTotals: cells.slice(m * n + m, m * n + m + n),
      total: cells.at(-1)!,
    });
  }
}

function rowOf(
  shape: Shape,
  entry: Entry,
  value: number | null,
  suppressed: boolean,
): IndicatorRow {
  const row: IndicatorRow = {
    region: null,
    sex: null,
    ageBand: null,
    destination: null,
    year: null,
    sector: null,
    over: entry.over,
    value,
    suppressed,
  };
  shape.dimensions.forEach((dimension, i) => {
    const v = entry.values[i];
    if (v === null || v === undefined || v === NONE) return;
    switch (dimension) {
      case IndicatorDimension.REGION:
        row.region = v;
        break;
      case IndicatorDimension.SEX:
        row.sex = v as Sex;
        break;
      case IndicatorDimension.AGE_BAND:
        row.ageBand = v as AgeBand;
        break;
      case IndicatorDimension.DESTINATION:
        row.destination = v;
        break;
      case IndicatorDimension.YEAR:
        row.year = Number(v);
        break;
      case IndicatorDimension.SECTOR:
        row.sector = v;
        break;
    }
  });
  return row;
}

function tableOf(
  measure: IndicatorMeasure,
  shape: Shape,
  entries: Entry[],
  rows: IndicatorRow[],
  minCellSize: number,
  build: IndicatorBuildInfo | null,
): IndicatorTable {
  return {
    measure: measure.name,
    agency: measure.agency,
    description: measure.description,
    unit: measure.unit,
    dimensions: shape.dimensions,
    rows: rows.filter((_, i) => entries[i]!.kind === 'cell'),
    margins: rows.filter((_, i) => entries[i]!.kind === 'margin'),
    total: rows.at(-1)!,
    minCellSize,
    asOf: build?.asOf ?? null,
    refreshedAt: build?.builtAt.toISOString() ?? null,
  };
}

/**
 * Whether the cell key method withholds a count, from its persons and its perturbed value. Over
 * several years a value sums yearly counts of perhaps the same persons, so a cell with fewer than
 * K persons in every year is withheld whatever the sum.
 */
function isWithheld(
  control: Extract<DisclosureControl, { method: 'cellKey' }>,
  cell: StatCell,
  perturbed: number,
): boolean {
  const k = control.minCellSize;
  switch (control.smallCells) {
    case 'perturb':
      return false;
    case 'suppress':
      return isSmallGroup(cell.persons, k);
    case 'suppressPerturbed':
      // A count perturbed to zero is withheld too: a published zero is nobody.
      return (
        (cell.value > 0 && perturbed < k) ||
        (cell.value > cell.persons && isSmallGroup(cell.persons, k))
      );
  }
}

/**
 * A table of person counts. Every cell, margin and total of 1 to K-1 persons described (for a
 * measure with contributors, the persons its dimensions describe) is withheld. Under the cell key
 * method every other entry is perturbed from its own key, and cells of 1 to K-1 persons counted
 * are withheld or perturbed as the control says; under the legacy method they are withheld, then
 * the complementary cells.
 */
export function countTable(
  measure: IndicatorMeasure,
  request: IndicatorRequest,
  rows: CubeRow[],
  control: DisclosureControl,
  build: IndicatorBuildInfo | null,
): IndicatorTable {
  const { minCellSize } = control;
  const own = rows.filter((row) => row.measure === measure.cube);
  const years = yearsOf(measure, request);
  const dimensions = dimensionsOf(measure, request);
  const shape: Shape = {
    dimensions,
    domains: dimensions.map((d) =>
      domainOf(
        d,
        request,
        years,
        own.filter((r) => years.includes(r.year)),
      ),
    ),
  };
  const counts = new YearlyCounts(own, dimensions, years);
  const described = measure.contributors
    ? new YearlyCounts(
        rows.filter((row) => row.measure === measure.contributors),
        dimensions,
        years,
      )
    : null;
  const entries = entriesOf(shape);
  const cells = entries.map((entry) => cellOf(counts.yearly(entry.values)));
  // A cell with persons but fewer than K described (none: a build older than the measure) is small.
  const fewDescribed = (i: number) =>
    described !== null &&
    cells[i]!.value > 0 &&
    cellOf(described.yearly(entries[i]!.values)).persons < minCellSize;
  if (control.method === 'suppression') {
    protect(shape, cells, (i) => isSmallGroup(cells[i]!.persons, minCellSize) || fewDescribed(i));
    const published = cells.map((cell, i) =>
      rowOf(shape, entries[i]!, cell.suppressed ? null : cell.value, cell.suppressed),
    );
    return tableOf(measure, shape, entries, published, minCellSize, build);
  }
  const published = cells.map((cell, i) => {
    const value = perturbCount(
      control.ptable,
      cell.value,
      cellKeyOf(counts.keySum(entries[i]!.values)),
    );
    if (fewDescribed(i) || isWithheld(control, cell, value))
      return rowOf(shape, entries[i]!, null, true);
    return rowOf(shape, entries[i]!, value, false);
  });
  return tableOf(measure, shape, entries, published, minCellSize, build);
}

/**
 * A table of shares numerator / denominator.
 *
 * Under the cell key method the share is taken of the two perturbed counts (each as a count
 * table would publish it, so a share times the published denominator gives back no more than
 * the perturbed numerator), capped at 1; it is withheld where either count is withheld, and
 * null where the perturbed denominator is zero.
 *
 * Under the legacy method both counts are protected as if published, the numerator also where
 * its complement (denominator minus numerator) is a small group, since a share and its
 * denominator give both away; a share is published only where both counts are.
 */
export function shareTable(
  measure: IndicatorMeasure,
  request: IndicatorRequest,
  rows: CubeRow[],
  control: DisclosureControl,
  build: IndicatorBuildInfo | null,
): IndicatorTable {
  const { minCellSize } = control;
  if (!measure.denominator) throw new Error(`share ${measure.name} has no denominator`);
  const numeratorRows = rows.filter((row) => row.measure === measure.cube);
  const denominatorRows = rows.filter((row) => row.measure === measure.denominator);
  const years = yearsOf(measure, request);
  const dimensions = dimensionsOf(measure, request);
  const inYears = denominatorRows.filter((r) => years.includes(r.year));
  const shape: Shape = {
    dimensions,
    domains: dimensions.map((d) => domainOf(d, request, years, inYears)),
  };
  const numerators = new YearlyCounts(numeratorRows, dimensions, years);
  const denominators = new YearlyCounts(denominatorRows, dimensions, years);
  const entries = entriesOf(shape);
  const numeratorYearly = entries.map((e) => numerators.yearly(e.values));
  const denominatorYearly = entries.map((e) => denominators.yearly(e.values));
  const numeratorCells = numeratorYearly.map(cellOf);
  const denominatorCells = denominatorYearly.map(cellOf);
  if (control.method === 'cellKey') {
    const published = entries.map((entry, i) => {
      const numerator = numeratorCells[i]!;
      const denominator = denominatorCells[i]!;
      const perturbedOf = (cell: StatCell, counts: YearlyCounts) =>
        perturbCount(control.ptable, cell.value, cellKeyOf(counts.keySum(entry.values)));
      const n = perturbedOf(numerator, numerators);
      const d = perturbedOf(denominator, denominators);
      if (isWithheld(control, numerator, n) || isWithheld(control, denominator, d)) {
        return rowOf(shape, entry, null, true);
      }
      const value = d === 0 ? null : Math.round(Math.min(1, n / d) * 10_000) / 10_000;
      return rowOf(shape, entry, value, false);
    });
    return tableOf(measure, shape, entries, published, minCellSize, build);
  }
  const complementCells = entries.map((_, i) =>
    cellOf(denominatorYearly[i]!.map((d, y) => d - numeratorYearly[i]![y]!)),
  );
  protect(shape, denominatorCells, (i) => isSmallGroup(denominatorCells[i]!.persons, minCellSize));
  protect(
    shape,
    numeratorCells,
    (i) =>
      isSmallGroup(numeratorCells[i]!.persons, minCellSize) ||
      isSmallGroup(complementCells[i]!.persons, minCellSize),
  );
  const published = entries.map((entry, i) => {
    const numerator = numeratorCells[i]!;
    const denominator = denominatorCells[i]!;
    const suppressed = numerator.suppressed || denominator.suppressed;
    const value =
      suppressed || denominator.value === 0
        ? null
        : Math.round((numerator.value / denominator.value) * 10_000) / 10_000;
    return rowOf(shape, entry, value, suppressed);
  });
  return tableOf(measure, shape, entries, published, minCellSize, build);
}

/** The table of a measure, counted or shared as its unit says. */
export function indicatorTableOf(
  measure: IndicatorMeasure,
  request: IndicatorRequest,
  rows: CubeRow[],
  control: DisclosureControl,
  build: IndicatorBuildInfo | null,
): IndicatorTable {
  return measure.unit === IndicatorUnit.SHARE
    ? shareTable(measure, request, rows, control, build)
    : countTable(measure, request, rows, control, build);
}

import {
  IndicatorUnit,
  maxNoiseOf,
  possibleCounts,
  type DisclosureControl,
  type IndicatorMeasure,
  type IndicatorRequest,
  type PerturbationTable,
} from '@jol/statistics';

/**
 * The differencing attack on published indicators (`npm run stats:attack`, and a bounded run in
 * attack.spec.ts). The attacker knows how the tables are protected (K, the perturbation table:
 * both are public) and asks many overlapping queries. Every published entry (cell, margin, total,
 * in any table of any query) is a group of records: one measure, a span of years, a value or
 * "any" for each dimension. Groups published more than once are one unknown. Each published
 * value bounds its group's true count (a perturbed p allows the counts that can be published as
 * p, an unperturbed one only p, a withheld cell what withholding implies). The attacker then
 * ties the groups together with every equation that holds for true counts: each row, column and
 * total of every table (margins, filtered totals, sex and region complements are such equations
 * once the same group is shared between tables), and spans of years that add up (2000..2025 is
 * 2000..2024 plus 2025). Bounds are propagated through the equations until nothing changes. A
 * small group (1 to K-1 persons) is recovered exactly when its bounds meet: the attacker then
 * knows its count for certain. A point estimate that happens to be right is not a recovery: the
 * attacker cannot tell it from the wrong ones.
 */

/** One row of a published table, as GraphQL returns it. */
export interface PublishedRow {
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

export interface PublishedTable {
  dimensions: string[];
  rows: PublishedRow[];
  margins: PublishedRow[];
  total: PublishedRow;
}

/** The tables of one query: a request and every measure's table for it. */
export interface Publication {
  request: IndicatorRequest;
  tables: Map<IndicatorMeasure, PublishedTable>;
}

/** A group's dimensions: a value, or '*' for any; a missing destination or sector is NONE. */
export interface Group {
  /** `<agency>:<cube measure>`. */
  measure: string;
  fromYear: number;
  toYear: number;
  region: string;
  sex: string;
  ageBand: string;
  destination: string;
  sector: string;
}

const ANY = '*';
const NONE = 'NONE';
const FIELD = {
  REGION: 'region',
  SEX: 'sex',
  AGE_BAND: 'ageBand',
  DESTINATION: 'destination',
  SECTOR: 'sector',
} as const;

export function groupKey(group: Group): string {
  return [
    group.measure,
    `${group.fromYear}-${group.toYear}`,
    group.region,
    group.sex,
    group.ageBand,
    group.destination,
    group.sector,
  ].join('|');
}

/** The group of records a published row counts, for the cube measure `cube`. */
export function groupOf(
  measure: IndicatorMeasure,
  cube: string,
  request: IndicatorRequest,
  table: PublishedTable,
  row: PublishedRow,
): Group {
  const broken = (dimension: string) =>
    table.dimensions.includes(dimension) && !row.over.includes(dimension);
  let fromYear = request.fromYear;
  let toYear = request.toYear;
  if (broken('YEAR')) fromYear = toYear = row.year!;
  else if (measure.timing === 'STOCK' && !table.dimensions.includes('YEAR')) fromYear = toYear;
  const filters: Record<string, string | null> = {
    REGION: request.region,
    SEX: request.sex,
    AGE_BAND: request.ageBand,
    DESTINATION: request.destination,
    SECTOR: null,
  };
  const valueOf = (dimension: keyof typeof FIELD): string =>
    broken(dimension) ? (row[FIELD[dimension]] ?? NONE) : (filters[dimension] ?? ANY);
  return {
    measure: `${measure.agency}:${cube}`,
    fromYear,
    toYear,
    region: valueOf('REGION'),
    sex: valueOf('SEX'),
    ageBand: valueOf('AGE_BAND'),
    destination: valueOf('DESTINATION'),
    sector: valueOf('SECTOR'),
  };
}

interface Unknown {
  group: Group;
  low: number;
  high: number;
  /** Published values seen for it (counts only). */
  published: number[];
}

/** The lines of a table: each row and column of cells with its margin, the margins with the total. */
function linesOf(table: PublishedTable): Array<{ parts: PublishedRow[]; whole: PublishedRow }> {
  const [first, second] = table.dimensions as Array<keyof typeof FIELD | 'YEAR'>;
  const field = (d: string) => (d === 'YEAR' ? 'year' : FIELD[d as keyof typeof FIELD]);
  if (!first) return [];
  if (!second) return [{ parts: table.rows, whole: table.total }];
  const lines: Array<{ parts: PublishedRow[]; whole: PublishedRow }> = [];
  for (const margin of table.margins) {
    const fixed = margin.over[0] === second ? first : second;
    const f = field(fixed) as keyof PublishedRow;
    lines.push({ parts: table.rows.filter((r) => r[f] === margin[f]), whole: margin });
  }
  for (const over of [first, second]) {
    lines.push({ parts: table.margins.filter((m) => m.over[0] === over), whole: table.total });
  }
  return lines;
}

export interface AttackReport {
  /** Distinct groups published (cells, margins, totals), over every query and measure. */
  groups: number;
  /** Of them, groups of 1 to K-1 persons. */
  smallGroups: number;
  /** Small groups whose count the attacker knows for certain. */
  recovered: number;
  /** Examples of recovered groups, with their true count. */
  examples: Array<{ group: string; count: number }>;
  /** Published count entries, and the mean |published - true| over them. */
  publishedCounts: number;
  meanAbsolutePerturbation: number;
  /**
   * Of them, those of groups that hold someone, and the mean over these alone: a group of none is
   * published as 0 by the cell key method, so a measure of rare events (most of its groups
   * empty) lowers the mean over every count without changing what a count of people costs.
   */
  nonzeroCounts: number;
  meanAbsolutePerturbationOfNonzero: number;
  /** Count entries withheld. */
  withheld: number;
}

/** The bounds on a group's true count that one published count entry gives. */
function boundsOfCount(
  control: DisclosureControl,
  measure: IndicatorMeasure,
  group: Group,
  row: PublishedRow,
): [number, number] {
  if (!row.suppressed) {
    const value = row.value!;
    if (control.method === 'suppression') return [value, value];
    const [low, high] = possibleCounts(control.ptable, value);
    if (control.smallCells === 'perturb') return [low, high];
    // Withholding every perturbed count below K but zero tells that a published zero is nobody.
    if (control.smallCells === 'suppressPerturbed') {
      return value === 0 ? [0, 0] : [Math.max(low, 1), high];
    }
    // Withholding every small group tells that a published count is zero or at least K.
    const k = control.minCellSize;
    if (high < k) return [low === 0 ? 0 : low, low === 0 ? 0 : high];
    return [low === 0 ? 0 : Math.max(low, k), high];
  }
  // The legacy method withholds complements of any size, zeros included.
  if (control.method === 'suppression') return [0, Infinity];
  // A measure with contributors is also withheld for few persons described, whatever its count.
  if (measure.contributors) return [1, Infinity];
  const years = group.toYear - group.fromYear + 1;
  const d = maxNoiseOf(control.ptable);
  // Withheld on the perturbed count: the true one may be up to D more.
  const slack = control.smallCells === 'suppressPerturbed' ? d : 0;
  return [1, Math.max((control.minCellSize - 1) * years, control.minCellSize - 1 + slack)];
}

/** The published numerators a share allows, given the published denominator. */
function numeratorsOfShare(
  ptable: PerturbationTable | null,
  share: number,
  denominator: number,
): [number, number] | null {
  if (denominator <= 0) return null;
  const d = ptable ? Math.max(...ptable.rows.flat().map(([noise]) => Math.abs(noise))) : 0;
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k <= denominator + 2 * d; k += 1) {
    const published = Math.round(Math.min(1, k / denominator) * 10_000) / 10_000;
    if (published === share) {
      low = Math.min(low, k);
      high = Math.max(high, k);
    }
  }
  if (low > high) return null;
  // A capped share of 1 allows any larger numerator.
  return [low, share === 1 && ptable ? Infinity : high];
}

/**
 * Runs the attack over the publications of many queries. `truth` gives a group's true count (from
 * the cube, independently of the tables); it is used only to score, never by the attacker.
 */
export function attack(
  publications: readonly Publication[],
  control: DisclosureControl,
  truth: (group: Group) => number,
): AttackReport {
  const unknowns = new Map<string, Unknown>();
  const unknown = (group: Group): Unknown => {
    const key = groupKey(group);
    let u = unknowns.get(key);
    if (!u) unknowns.set(key, (u = { group, low: 0, high: Infinity, published: [] }));
    return u;
  };
  const bound = (u: Unknown, [low, high]: [number, number]) => {
    u.low = Math.max(u.low, low);
    u.high = Math.min(u.high, high);
  };
  const equations: Array<{ whole: Unknown; parts: Unknown[] }> = [];
  let publishedCounts = 0;
  let absolutePerturbation = 0;
  let nonzeroCounts = 0;
  let nonzeroPerturbation = 0;
  let withheld = 0;
  const shares: Array<{ numerator: Unknown; denominator: Unknown; share: number }> = [];

  for (const { request, tables } of publications) {
    for (const [measure, table] of tables) {
      const entries = [...table.rows, ...table.margins, table.total];
      const cubes =
        measure.unit === IndicatorUnit.SHARE
          ? [measure.cube, measure.denominator!]
          : [measure.cube];
      for (const cube of cubes) {
        const of = (row: PublishedRow) => unknown(groupOf(measure, cube, request, table, row));
        for (const { parts, whole } of linesOf(table)) {
          equations.push({ whole: of(whole), parts: parts.map(of) });
        }
      }
      for (const row of entries) {
        if (measure.unit === IndicatorUnit.SHARE) {
          if (row.suppressed || row.value === null) continue;
          shares.push({
            numerator: unknown(groupOf(measure, measure.cube, request, table, row)),
            denominator: unknown(groupOf(measure, measure.denominator!, request, table, row)),
            share: row.value,
          });
          continue;
        }
        const u = unknown(groupOf(measure, measure.cube, request, table, row));
        bound(u, boundsOfCount(control, measure, u.group, row));
        if (row.suppressed) {
          withheld += 1;
        } else {
          u.published.push(row.value!);
          publishedCounts += 1;
          const trueCount = truth(u.group);
          absolutePerturbation += Math.abs(row.value! - trueCount);
          if (trueCount !== 0) {
            nonzeroCounts += 1;
            nonzeroPerturbation += Math.abs(row.value! - trueCount);
          }
        }
      }
    }
  }

  // A share and its denominator's published count give the numerator's published count.
  const ptable = control.method === 'cellKey' ? control.ptable : null;
  for (const { numerator, denominator, share } of shares) {
    for (const published of new Set(denominator.published)) {
      const range = numeratorsOfShare(ptable, share, published);
      if (!range) continue;
      const low = ptable ? possibleCounts(ptable, range[0])[0] : range[0];
      const high =
        range[1] === Infinity ? Infinity : ptable ? possibleCounts(ptable, range[1])[1] : range[1];
      bound(numerator, [low, high]);
    }
  }

  // Spans of years that add up: [a, b] = [a, c] + [c + 1, b].
  for (const u of [...unknowns.values()]) {
    const { fromYear, toYear } = u.group;
    for (let c = fromYear; c < toYear; c += 1) {
      const left = unknowns.get(groupKey({ ...u.group, toYear: c }));
      const right = unknowns.get(groupKey({ ...u.group, fromYear: c + 1 }));
      if (left && right) equations.push({ whole: u, parts: [left, right] });
    }
  }

  propagate(equations);

  const report: AttackReport = {
    groups: unknowns.size,
    smallGroups: 0,
    recovered: 0,
    examples: [],
    publishedCounts,
    meanAbsolutePerturbation: publishedCounts === 0 ? 0 : absolutePerturbation / publishedCounts,
    nonzeroCounts,
    meanAbsolutePerturbationOfNonzero:
      nonzeroCounts === 0 ? 0 : nonzeroPerturbation / nonzeroCounts,
    withheld,
  };
  for (const [key, u] of unknowns) {
    const count = truth(u.group);
    if (count < u.low || count > u.high) {
      throw new Error(
        `the attack is unsound: ${key} counts ${count}, outside its bounds [${u.low}, ${u.high}]`,
      );
    }
    if (count < 1 || count >= control.minCellSize) continue;
    report.smallGroups += 1;
    if (u.low === u.high) {
      report.recovered += 1;
      if (report.examples.length < 10) report.examples.push({ group: key, count });
    }
  }
  return report;
}

/** Narrows every unknown's bounds through the equations until nothing changes. */
function propagate(equations: ReadonlyArray<{ whole: Unknown; parts: Unknown[] }>): void {
  for (let round = 0; round < 100; round += 1) {
    let changed = false;
    const narrow = (u: Unknown, low: number, high: number) => {
      if (low > u.low) {
        u.low = low;
        changed = true;
      }
      if (high < u.high) {
        u.high = high;
        changed = true;
      }
      if (u.low > u.high) {
        throw new Error(`the publications contradict one another at ${groupKey(u.group)}`);
      }
    };
    for (const { whole, parts } of equations) {
      const lows = parts.reduce((s, p) => s + p.low, 0);
      const finiteHighs = parts.reduce((s, p) => s + (p.high === Infinity ? 0 : p.high), 0);
      const unbounded = parts.filter((p) => p.high === Infinity).length;
      narrow(whole, lows, unbounded > 0 ? Infinity : finiteHighs);
      for (const part of parts) {
        const othersUnbounded = unbounded - (part.high === Infinity ? 1 : 0);
        const othersHigh =
          othersUnbounded > 0 ? Infinity : finiteHighs - (part.high === Infinity ? 0 : part.high);
        narrow(part, whole.low - othersHigh, whole.high - (lows - part.low));
      }
    }
    if (!changed) return;
  }
}

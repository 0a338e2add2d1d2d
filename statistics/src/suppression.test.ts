import {
  findBridge,
  isSmallGroup,
  protectOneWay,
  protectTwoWay,
  type StatCell,
  type TwoWayTable,
} from './suppression';

const K = 10;

/** A tiny seeded generator for the suppression tests (mulberry32). */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  /** Counts as indicator cells hold them: many zeros and small groups, some large. */
  smallCount(): number {
    const roll = this.next();
    if (roll < 0.2) return 0;
    if (roll < 0.45) return this.int(1, 9);
    return this.int(10, 80);
  }
}

const cell = (value: number): StatCell => ({ value, persons: value, suppressed: false });

/** A two-way table with exact margins, primary suppression applied as the kernel applies it. */
function twoWay(values: number[][]): TwoWayTable {
  const cells = values.map((row) => row.map(cell));
  const rowTotals = values.map((row) => cell(row.reduce((a, b) => a + b, 0)));
  const columnTotals = values[0]!.map((_, j) => cell(values.reduce((a, row) => a + row[j]!, 0)));
  const total = cell(values.flat().reduce((a, b) => a + b, 0));
  for (const c of [...cells.flat(), ...rowTotals, ...columnTotals, total]) {
    c.suppressed = isSmallGroup(c.persons, K);
  }
  return { cells, rowTotals, columnTotals, total };
}

/**
 * The attacker's view: the table's equations (each row and column sums to its total) with the
 * published values moved to the right-hand side. Returns the withheld entries whose value these
 * equations determine, found by linear algebra alone (no knowledge of the algorithm): x_i is
 * determined exactly when removing its column lowers the rank of the system.
 */
function recoverable(table: TwoWayTable): string[] {
  const m = table.rowTotals.length;
  const n = table.columnTotals.length;
  const grid = [
    ...table.cells.map((row, i) => [...row, table.rowTotals[i]!]),
    [...table.columnTotals, table.total],
  ];
  const unknowns: Array<[number, number]> = [];
  grid.forEach((row, i) => row.forEach((c, j) => c.suppressed && unknowns.push([i, j])));
  const coefficient = (line: { row?: number; column?: number }, [i, j]: [number, number]) => {
    // Row i (i < m): sum of its cells minus its row total; the last grid row: column totals minus
    // the grand total. Columns likewise.
    if (line.row !== undefined) {
      if (i !== line.row) return 0;
      return j === n ? -1 : 1;
    }
    if (j !== line.column) return 0;
    return i === m ? -1 : 1;
  };
  const lines = [
    ...Array.from({ length: m + 1 }, (_, row) => ({ row })),
    ...Array.from({ length: n + 1 }, (_, column) => ({ column })),
  ];
  const matrix = lines.map((line) => unknowns.map((u) => coefficient(line, u)));
  const full = rank(matrix);
  return unknowns
    .filter((_, k) => rank(matrix.map((row) => row.filter((__, c) => c !== k))) === full - 1)
    .map(([i, j]) => `${i},${j}`);
}

/** Rank by Gaussian elimination; the matrices hold 0 and +-1, so a small epsilon is exact enough. */
function rank(input: number[][]): number {
  const a = input.map((row) => [...row]);
  const columns = a[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < columns && r < a.length; c += 1) {
    let pivot = r;
    for (let i = r + 1; i < a.length; i += 1)
      if (Math.abs(a[i]![c]!) > Math.abs(a[pivot]![c]!)) pivot = i;
    if (Math.abs(a[pivot]![c]!) < 1e-9) continue;
    [a[r], a[pivot]] = [a[pivot]!, a[r]!];
    for (let i = 0; i < a.length; i += 1) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      if (f !== 0) for (let k = c; k < columns; k += 1) a[i]![k]! -= f * a[r]![k]!;
    }
    r += 1;
  }
  return r;
}

const suppressedValues = (t: TwoWayTable) =>
  [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]
    .filter((c) => c.suppressed)
    .map((c) => c.value);

describe('primary suppression', () => {
  it('withholds 1 to K-1 persons, publishes zero and K or more', () => {
    expect([0, 1, 9, 10, 11].map((n) => isSmallGroup(n, K))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('one-way tables', () => {
  const oneWay = (values: number[]) => {
    const cells = values.map(cell);
    const total = cell(values.reduce((a, b) => a + b, 0));
    for (const c of [...cells, total]) c.suppressed = isSmallGroup(c.persons, K);
    protectOneWay({ cells, total });
    return {
      cells: cells.map((c) => (c.suppressed ? null : c.value)),
      total: total.suppressed ? null : total.value,
    };
  };

  it('withholds the smallest other non-zero cell when one cell is withheld', () => {
    expect(oneWay([40, 3, 0, 12, 25])).toEqual({ cells: [40, null, 0, null, 25], total: 80 });
  });

  it('leaves a table with two small cells as it is', () => {
    expect(oneWay([40, 3, 4, 12])).toEqual({ cells: [40, null, null, 12], total: 59 });
  });

  it('withholds the total when the only other cells are zero', () => {
    expect(oneWay([0, 3, 0])).toEqual({ cells: [0, null, 0], total: null });
  });

  it('publishes zeros: nobody is revealed by them', () => {
    expect(oneWay([0, 0, 0])).toEqual({ cells: [0, 0, 0], total: 0 });
  });

  it('withholds a small total with its small cells', () => {
    expect(oneWay([0, 3, 4])).toEqual({ cells: [0, null, null], total: null });
  });

  it('never leaves exactly one withheld term: random tables', () => {
    const random = new Random(7);
    for (let t = 0; t < 500; t += 1) {
      const values = Array.from({ length: random.int(1, 8) }, () => random.smallCount());
      const cells = values.map(cell);
      const total = cell(values.reduce((a, b) => a + b, 0));
      for (const c of [...cells, total]) c.suppressed = isSmallGroup(c.persons, K);
      protectOneWay({ cells, total });
      const withheld = [...cells, total].filter((c) => c.suppressed);
      expect(withheld.length).not.toBe(1);
      for (const c of [...cells, total])
        if (isSmallGroup(c.persons, K)) expect(c.suppressed).toBe(true);
    }
  });
});

describe('two-way tables', () => {
  it('withholds complementary cells in the rows and columns of a small cell', () => {
    const table = twoWay([
      [20, 3, 15],
      [30, 12, 25],
      [14, 18, 40],
    ]);
    protectTwoWay(table);
    expect(table.cells.map((row) => row.map((c) => c.suppressed))).toEqual([
      [false, true, true],
      [false, true, true],
      [false, false, false],
    ]);
    expect(recoverable(table)).toEqual([]);
  });

  it('closes a bridge that no single row or column shows', () => {
    // Two withheld rectangles joined by one withheld cell: every row and column holds two or more
    // withheld terms, yet the joining cell is the difference of two sums of totals.
    const table = twoWay([
      [50, 50, 50, 50, 50],
      [50, 50, 50, 50, 50],
      [50, 50, 50, 50, 50],
      [50, 50, 50, 50, 50],
    ]);
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
    ] as const) {
      table.cells[i]![j]!.suppressed = true;
    }
    const grid = [
      ...table.cells.map((row, i) => [...row, table.rowTotals[i]!]),
      [...table.columnTotals, table.total],
    ];
    expect(findBridge(grid)).toEqual([1, 2]);
    expect(recoverable(table)).toContain('1,2');
    protectTwoWay(table);
    expect(recoverable(table)).toEqual([]);
  });

  it('withholds totals below K, and cells that would give them away', () => {
    const table = twoWay([
      [2, 0],
      [0, 40],
    ]);
    protectTwoWay(table);
    expect(table.rowTotals[0]!.suppressed).toBe(true);
    expect(table.columnTotals[0]!.suppressed).toBe(true);
    expect(recoverable(table)).toEqual([]);
  });

  it('leaves no withheld value recoverable from the totals: 2,000 random tables', () => {
    const random = new Random(11);
    let withheldSeen = 0;
    for (let t = 0; t < 2_000; t += 1) {
      const m = random.int(1, 6);
      const n = random.int(1, 6);
      const table = twoWay(
        Array.from({ length: m }, () => Array.from({ length: n }, () => random.smallCount())),
      );
      const primary = [
        ...table.cells.flat(),
        ...table.rowTotals,
        ...table.columnTotals,
        table.total,
      ].filter((c) => c.suppressed).length;
      protectTwoWay(table);
      withheldSeen += suppressedValues(table).length;
      expect({ table: t, recoverable: recoverable(table) }).toEqual({ table: t, recoverable: [] });
      // Complementary suppression only adds: every small group is still withheld.
      expect(suppressedValues(table).length).toBeGreaterThanOrEqual(primary);
      for (const c of [
        ...table.cells.flat(),
        ...table.rowTotals,
        ...table.columnTotals,
        table.total,
      ]) {
        if (isSmallGroup(c.persons, K)) expect(c.suppressed).toBe(true);
      }
    }
    expect(withheldSeen).toBeGreaterThan(1_000);
  });
});

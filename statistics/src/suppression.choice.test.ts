import {
  findBridge,
  isSmallGroup,
  protectOneWay,
  protectTwoWay,
  type StatCell,
  type TwoWayTable,
} from './suppression';

/**
 * Which cells complementary suppression withholds, not only that the result is safe (the random
 * tables in suppression.test.ts check that): the cheapest cell by the documented order, one cell
 * per open equation or bridge, and nothing more. Every expectation below is worked out by hand
 * from the table; `withheld` lists grid entries as `row,column`, the margins in the last row and
 * column.
 */

const K = 10;
const cell = (value: number, persons = value): StatCell => ({
  value,
  persons,
  suppressed: isSmallGroup(persons, K),
});
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A two-way table with exact margins and primary suppression; `hide` withholds more entries. */
function twoWay(values: number[][], hide: Array<[number, number]> = []): TwoWayTable {
  const table: TwoWayTable = {
    cells: values.map((row) => row.map((v) => cell(v))),
    rowTotals: values.map((row) => cell(sum(row))),
    columnTotals: (values[0] ?? []).map((_, j) => cell(sum(values.map((row) => row[j]!)))),
    total: cell(sum(values.flat())),
  };
  for (const [i, j] of hide) grid(table)[i]![j]!.suppressed = true;
  return table;
}

/** The table as the grid the suppression works on: margins in the last row and column. */
const grid = (t: TwoWayTable): StatCell[][] => [
  ...t.cells.map((row, i) => [...row, t.rowTotals[i]!]),
  [...t.columnTotals, t.total],
];

const withheld = (t: TwoWayTable) =>
  grid(t).flatMap((row, i) => row.flatMap((c, j) => (c.suppressed ? [`${i},${j}`] : [])));

describe('protectOneWay picks', () => {
  const oneWay = (cells: StatCell[], total: StatCell) => {
    protectOneWay({ cells, total });
    return [...cells, total].map((c) => c.suppressed);
  };

  it('the first of two equally small cells', () => {
    expect(oneWay([cell(40), cell(3), cell(12), cell(12)], cell(67))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('a non-zero cell before a zero, though zero is smaller', () => {
    expect(oneWay([cell(0), cell(3), cell(0), cell(50)], cell(53))).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('nothing in a table with no cell, its total withheld alone', () => {
    expect(oneWay([], cell(4))).toEqual([true]);
  });

  it('nothing when no term is withheld, or when two are', () => {
    expect(oneWay([cell(40), cell(12)], cell(52))).toEqual([false, false, false]);
    expect(oneWay([cell(40), cell(3), cell(4)], cell(47))).toEqual([false, true, true, false]);
  });
});

describe('protectTwoWay', () => {
  it('refuses cells that do not match the margins', () => {
    const table = twoWay([
      [20, 30],
      [40, 50],
    ]);
    expect(() => protectTwoWay({ ...table, cells: table.cells.slice(1) })).toThrow(
      new RangeError('a 2 x 2 table needs 2 rows of 2 cells'),
    );
    expect(() =>
      protectTwoWay({ ...table, cells: [table.cells[0]!, table.cells[1]!.slice(1)] }),
    ).toThrow(new RangeError('a 2 x 2 table needs 2 rows of 2 cells'));
  });

  it('withholds nothing more in a table with no small group', () => {
    const table = twoWay([
      [20, 30],
      [40, 50],
    ]);
    protectTwoWay(table);
    expect(withheld(table)).toEqual([]);
  });

  it('closes each equation left with one withheld entry by its cheapest other entry', () => {
    // Rows, then columns, in order, as each is reached. Row 0 holds the 3 alone: its cheapest
    // other entry is 15 (non-zero before the zero, a cell before the total). Column 1 then holds
    // the 3 alone: 40; column 2 holds the 15 alone: 12. On the next pass row 1 holds the 40 alone:
    // 25; row 2 the 12 alone: 14; column 0 then the 14 alone: 20. Every equation then holds two or
    // more and every withheld entry lies on a cycle.
    const table = twoWay([
      [20, 3, 15, 0],
      [30, 40, 25, 35],
      [14, 50, 12, 60],
    ]);
    protectTwoWay(table);
    expect(withheld(table)).toEqual(['0,0', '0,1', '0,2', '1,1', '1,2', '2,0', '2,2']);
  });

  it('closes the totals row and the totals column too', () => {
    // Column 0 totals 5, a small group, as are its cells. Each row holds one withheld entry: row 0
    // and row 1 are closed by their first 30, and the totals row by the smallest other column
    // total, 60. Columns 0 and 1 then hold three each.
    const table = twoWay([
      [2, 30, 30],
      [3, 30, 40],
    ]);
    protectTwoWay(table);
    expect(withheld(table)).toEqual(['0,0', '0,1', '1,0', '1,1', '2,0', '2,1']);
  });

  it('closes a bridge with the cheapest cell across it: inner and non-zero first, then smallest', () => {
    // Withheld: a 6-cycle in rows 0-2 x columns 0-2, the bridge (2,3), and a rectangle of rows 3-4
    // x column 3 and the row totals (column 6). Across the bridge lie rows 0-2 x columns 3 and 6,
    // and rows 3-4 x columns 0-2. The cheapest: the row total of row 1 (50) is a total, the
    // zero at (1,3) is a zero, so the smallest non-zero inner cell, 61 at (4,0). Cheaper cells off
    // the bridge's sides ((0,2) = 15, (0,4) = 11) would not close it.
    const table = twoWay(
      [
        [20, 20, 15, 70, 11, 20],
        [10, 10, 10, 0, 10, 10],
        [20, 20, 20, 20, 20, 20],
        [65, 66, 67, 30, 20, 20],
        [61, 62, 63, 30, 20, 20],
      ],
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 0],
        [2, 3],
        [3, 3],
        [3, 6],
        [4, 3],
        [4, 6],
      ],
    );
    const before = withheld(table);
    expect(findBridge(grid(table))).toEqual([2, 3]);
    protectTwoWay(table);
    expect(withheld(table)).toEqual([...before, '4,0'].sort(byEntry));
    expect(findBridge(grid(table))).toBeNull();
  });

  it('withholds every margin of a table without row categories once one is small', () => {
    // No cell hides a margin: each column total stands alone in its column's equation, so the
    // totals are withheld one by one until none can be worked out from the rest.
    const table: TwoWayTable = {
      cells: [],
      rowTotals: [],
      columnTotals: [cell(12), cell(3), cell(40)],
      total: cell(55),
    };
    protectTwoWay(table);
    expect([...table.columnTotals, table.total].map((c) => c.suppressed)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});

const byEntry = (a: string, b: string) => {
  const [ai, aj] = a.split(',').map(Number);
  const [bi, bj] = b.split(',').map(Number);
  return ai! - bi! || aj! - bj!;
};

/**
 * The bridges of a grid's withheld entries by brute force: an entry is a bridge when, without it,
 * its row and column are no longer joined through the other withheld entries.
 */
function bridgesOf(entries: boolean[][]): string[] {
  const height = entries.length;
  const width = entries[0]?.length ?? 0;
  const joined = (skip: [number, number], from: number, to: number) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (let i = 0; i < height; i += 1)
        for (let j = 0; j < width; j += 1) {
          if (!entries[i]![j] || (i === skip[0] && j === skip[1])) continue;
          const [a, b] = [i, height + j];
          const next = node === a ? b : node === b ? a : -1;
          if (next >= 0 && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
    }
    return seen.has(to);
  };
  const found: string[] = [];
  entries.forEach((row, i) =>
    row.forEach((on, j) => {
      if (on && !joined([i, j], i, height + j)) found.push(`${i},${j}`);
    }),
  );
  return found;
}

describe('findBridge', () => {
  const asGrid = (entries: boolean[][]) =>
    entries.map((row) => row.map((suppressed) => ({ value: 1, persons: 1, suppressed })));

  it('finds none in an empty grid or one with nothing withheld', () => {
    expect(findBridge([])).toBeNull();
    expect(findBridge(asGrid([[false, false]]))).toBeNull();
  });

  it('finds none in a rectangle, and its one entry in a lone withheld entry', () => {
    expect(
      findBridge(
        asGrid([
          [true, true],
          [true, true],
        ]),
      ),
    ).toBeNull();
    expect(
      findBridge(
        asGrid([
          [false, false],
          [false, true],
        ]),
      ),
    ).toEqual([1, 1]);
  });

  it.each([
    ['one grid row', [[true, true, false]]],
    ['one grid column', [[true], [true], [false]]],
    [
      'a path through a column',
      [
        [true, false],
        [true, false],
      ],
    ],
  ])('names a withheld entry that is a bridge: %s', (_what, entries) => {
    expect(bridgesOf(entries)).toContain(findBridge(asGrid(entries))!.join(','));
  });

  it('agrees with a brute-force search on 3,000 random grids', () => {
    let state = 5;
    const next = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 4_294_967_296;
    };
    let bridged = 0;
    for (let n = 0; n < 3_000; n += 1) {
      const height = 1 + Math.floor(next() * 5);
      const width = 1 + Math.floor(next() * 5);
      const density = next();
      const entries = Array.from({ length: height }, () =>
        Array.from({ length: width }, () => next() < density),
      );
      const bridges = bridgesOf(entries);
      const found = findBridge(asGrid(entries));
      if (bridges.length === 0) expect({ entries, found }).toEqual({ entries, found: null });
      else {
        bridged += 1;
        expect({ entries, bridges }).toEqual({
          entries,
          bridges: expect.arrayContaining([found?.join(',')]),
        });
      }
    }
    expect(bridged).toBeGreaterThan(1_000);
  });
});

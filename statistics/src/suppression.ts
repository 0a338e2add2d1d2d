/**
 * Legacy disclosure control for indicator tables: primary suppression withholds every cell that counts
 * a small group, complementary suppression withholds more cells until no withheld value can be
 * worked out from the published cells and totals.
 *
 * A table and its totals are a set of linear equations (each row and each column sums to its
 * total). A withheld value can be worked out exactly when the equations pin it down. For a one-way
 * table that happens when it is the only withheld term of the equation. For a two-way table with
 * row, column and grand totals, write it as an (m+1) x (n+1) grid whose last column holds the row
 * totals and last row the column totals (the corner is the grand total): every grid row and grid
 * column is then one equation, and the withheld entries are the edges of a bipartite graph between
 * grid rows and grid columns. A withheld entry is determined exactly when its edge lies on no cycle
 * of that graph (it is a bridge): a cycle lets its values move by +d, -d, +d... around it with every
 * total unchanged, and across a bridge no such move exists. So the algorithm suppresses until the
 * graph has no bridge, first closing leaves (an equation with one withheld term) with the smallest
 * other cell of the same equation, then closing any remaining bridge with the cheapest cell that
 * puts it on a cycle.
 *
 * This is the method indicators used before the cell key method (see disclosure-control.ts). It
 * protects one table at a time; across queries a complement of one table is published in
 * another (a filtered total, a margin of another breakdown, one year of a period), and
 * differencing recovers small cells: the differencing harness (`npm run stats:attack`) measures
 * it as the baseline. The API no longer uses it; `isSmallGroup` still decides which cells the
 * cell key method withholds.
 */

/** One published-or-withheld number: `value` is additive, `persons` counts who it is about. */
export interface StatCell {
  value: number;
  /** Persons the value is about (a lower bound when the value sums several years). */
  persons: number;
  suppressed: boolean;
}

/** Primary suppression: 1 to K-1 persons. No persons (a zero) reveals nobody and is published. */
export function isSmallGroup(persons: number, minCellSize: number): boolean {
  return persons > 0 && persons < minCellSize;
}

export interface OneWayTable {
  cells: StatCell[];
  total: StatCell;
}

export interface TwoWayTable {
  /** cells[i][j]: row category i, column category j. */
  cells: StatCell[][];
  rowTotals: StatCell[];
  columnTotals: StatCell[];
  total: StatCell;
}

/**
 * The order complementary suppression picks cells in: a non-zero inner cell before a non-zero
 * total, anything non-zero before a zero, then the smallest value (the least information lost).
 */
function cost(cell: StatCell, isTotal: boolean): [number, number, number] {
  return [cell.value === 0 ? 1 : 0, isTotal ? 1 : 0, cell.value];
}

function cheaper(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * Complementary suppression of a one-way table whose primary suppression is done: the cells and
 * the total form one equation, which must not hold exactly one withheld term.
 */
export function protectOneWay(table: OneWayTable): void {
  const terms = [
    ...table.cells.map((cell) => ({ cell, isTotal: false })),
    { cell: table.total, isTotal: true },
  ];
  const withheld = terms.filter((t) => t.cell.suppressed).length;
  if (withheld !== 1) return;
  let best: (typeof terms)[number] | null = null;
  for (const term of terms) {
    if (term.cell.suppressed) continue;
    if (!best || cheaper(cost(term.cell, term.isTotal), cost(best.cell, best.isTotal))) best = term;
  }
  if (best) best.cell.suppressed = true;
}

/** The table as the (m+1) x (n+1) grid described above. */
function gridOf(table: TwoWayTable): StatCell[][] {
  const rows = table.cells.map((row, i) => [...row, table.rowTotals[i]!]);
  rows.push([...table.columnTotals, table.total]);
  return rows;
}

/** Complementary suppression of a two-way table with margins whose primary suppression is done. */
export function protectTwoWay(table: TwoWayTable): void {
  const rows = table.rowTotals.length;
  const columns = table.columnTotals.length;
  if (table.cells.length !== rows || table.cells.some((row) => row.length !== columns)) {
    throw new RangeError(`a ${rows} x ${columns} table needs ${rows} rows of ${columns} cells`);
  }
  const grid = gridOf(table);
  const isTotal = (i: number, j: number) => i === rows || j === columns;
  const pickCheapest = (entries: Array<[number, number]>): [number, number] | null => {
    let best: [number, number] | null = null;
    for (const [i, j] of entries) {
      if (grid[i]![j]!.suppressed) continue;
      if (
        !best ||
        cheaper(
          cost(grid[i]![j]!, isTotal(i, j)),
          cost(grid[best[0]]![best[1]]!, isTotal(best[0], best[1])),
        )
      )
        best = [i, j];
    }
    return best;
  };
  const lines = (): Array<Array<[number, number]>> => {
    const all: Array<Array<[number, number]>> = [];
    for (let i = 0; i <= rows; i += 1)
      all.push(Array.from({ length: columns + 1 }, (_, j) => [i, j]));
    for (let j = 0; j <= columns; j += 1)
      all.push(Array.from({ length: rows + 1 }, (_, i) => [i, j]));
    return all;
  };
  for (;;) {
    let changed = false;
    for (const line of lines()) {
      if (line.filter(([i, j]) => grid[i]![j]!.suppressed).length !== 1) continue;
      const pick = pickCheapest(line);
      if (pick) {
        grid[pick[0]]![pick[1]]!.suppressed = true;
        changed = true;
      }
    }
    if (changed) continue;
    const bridge = findBridge(grid);
    if (!bridge) return;
    const [u, v] = sidesOf(grid, bridge);
    const across: Array<[number, number]> = [];
    for (let i = 0; i <= rows; i += 1) {
      for (let j = 0; j <= columns; j += 1) {
        if ((u.rows.has(i) && v.columns.has(j)) || (v.rows.has(i) && u.columns.has(j)))
          across.push([i, j]);
      }
    }
    const pick =
      pickCheapest(across) ??
      pickCheapest([...lines()[bridge[0]]!, ...lines()[rows + 1 + bridge[1]]!]);
    if (!pick) return;
    grid[pick[0]]![pick[1]]!.suppressed = true;
  }
}

/** Nodes 0..R-1 are grid rows, R..R+C-1 grid columns; edges are the withheld entries. */
function adjacency(grid: StatCell[][]): number[][] {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  const adjacent: number[][] = Array.from({ length: height + width }, () => []);
  for (let i = 0; i < height; i += 1) {
    for (let j = 0; j < width; j += 1) {
      if (!grid[i]![j]!.suppressed) continue;
      adjacent[i]!.push(height + j);
      adjacent[height + j]!.push(i);
    }
  }
  return adjacent;
}

/** A withheld entry on no cycle of the withheld entries (Tarjan's bridge search), or null. */
export function findBridge(grid: StatCell[][]): [number, number] | null {
  const height = grid.length;
  const adjacent = adjacency(grid);
  const order = new Array<number>(adjacent.length).fill(-1);
  const low = new Array<number>(adjacent.length).fill(0);
  let counter = 0;
  let found: [number, number] | null = null;
  const visit = (node: number, parent: number): void => {
    order[node] = low[node] = counter++;
    for (const next of adjacent[node]!) {
      if (found) return;
      if (next === parent) continue;
      if (order[next] === -1) {
        visit(next, node);
        // Found below: the low values above it are unfinished, and would name edges on cycles.
        if (found) return;
        low[node] = Math.min(low[node]!, low[next]!);
        if (low[next]! > order[node]!) {
          found = node < height ? [node, next - height] : [next, node - height];
        }
      } else {
        low[node] = Math.min(low[node]!, order[next]!);
      }
    }
  };
  for (let node = 0; node < adjacent.length && !found; node += 1) {
    if (order[node] === -1) visit(node, -1);
  }
  return found;
}

/** The grid rows and columns on each side of a bridge, through withheld entries other than it. */
function sidesOf(
  grid: StatCell[][],
  [bridgeRow, bridgeColumn]: [number, number],
): [{ rows: Set<number>; columns: Set<number> }, { rows: Set<number>; columns: Set<number> }] {
  const height = grid.length;
  const adjacent = adjacency(grid);
  const side = (start: number) => {
    const seen = new Set<number>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of adjacent[node]!) {
        const isBridge =
          (node === bridgeRow && next === height + bridgeColumn) ||
          (next === bridgeRow && node === height + bridgeColumn);
        if (isBridge || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return {
      rows: new Set([...seen].filter((n) => n < height)),
      columns: new Set([...seen].filter((n) => n >= height).map((n) => n - height)),
    };
  };
  return [side(bridgeRow), side(height + bridgeColumn)];
}

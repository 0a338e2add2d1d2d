import { REGION_CODES } from '@jol/kernel';
import {
  DEFAULT_PTABLE,
  IndicatorUnit,
  normalizeIndicatorRequest,
  type DisclosureControl,
  type IndicatorMeasure,
} from '@jol/statistics';
import { attack, groupKey, type Group, type PublishedRow, type PublishedTable } from './attack';

const DEPARTURES: IndicatorMeasure = {
  name: 'departures',
  agency: 'migration',
  description: 'Departures',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: 'departures',
};
const LEGACY: DisclosureControl = { method: 'suppression', minCellSize: 10 };
const CELL_KEY: DisclosureControl = {
  method: 'cellKey',
  minCellSize: 10,
  ptable: DEFAULT_PTABLE,
  smallCells: 'suppress',
};
const NOW = new Date(Date.UTC(2026, 5, 1));

const cell = (region: string | null, value: number | null, over: string[] = []): PublishedRow => ({
  region,
  sex: null,
  ageBand: null,
  destination: null,
  year: null,
  sector: null,
  over,
  value,
  suppressed: value === null,
});

/** A by-REGION table: the regions given, zero elsewhere, and the total. */
function byRegion(values: Record<string, number | null>, total: number | null): PublishedTable {
  return {
    dimensions: ['REGION'],
    rows: REGION_CODES.map((r) => cell(r, r in values ? values[r]! : 0)),
    margins: [],
    total: cell(null, total, ['REGION']),
  };
}

const publication = (filter: Record<string, unknown>, by: string[], table: PublishedTable) => ({
  request: normalizeIndicatorRequest(filter, by, NOW),
  tables: new Map([[DEPARTURES, table]]),
});

/** The true counts of the planted store: KG-O 40, KG-B 25, KG-N 3 in 2025; 97 persons before. */
function truth(group: Group): number {
  const in2025: Record<string, number> = { 'KG-O': 40, 'KG-B': 25, 'KG-N': 3 };
  const of2025 = group.region === '*' ? 68 : (in2025[group.region] ?? 0);
  const before = group.region === '*' ? 97 : group.region === 'KG-O' ? 97 : 0;
  return (
    (group.toYear >= 2025 && group.fromYear <= 2025 ? of2025 : 0) +
    (group.fromYear <= 2024 ? before : 0)
  );
}

describe('attack', () => {
  it('recovers a withheld cell from its table total when the values carry no noise', () => {
    const report = attack(
      [
        publication(
          { year: 2025 },
          ['REGION'],
          byRegion({ 'KG-O': 40, 'KG-B': null, 'KG-N': null }, 68),
        ),
      ],
      // KG-B withheld as a complement, and published by a query filtered to it.
      LEGACY,
      truth,
    );
    expect(report.smallGroups).toBe(1);
    expect(report.recovered).toBe(0);
    const withFilter = attack(
      [
        publication(
          { year: 2025 },
          ['REGION'],
          byRegion({ 'KG-O': 40, 'KG-B': null, 'KG-N': null }, 68),
        ),
        publication({ year: 2025, region: 'KG-B' }, [], {
          dimensions: [],
          rows: [],
          margins: [],
          total: cell(null, 25),
        }),
      ],
      LEGACY,
      truth,
    );
    expect(withFilter.recovered).toBe(1);
    expect(withFilter.examples).toEqual([
      { group: 'migration:departures|2025-2025|KG-N|*|*|*|*', count: 3 },
    ]);
  });

  it('recovers a year from two overlapping spans without noise, not with it', () => {
    const spans = (total2025: number | null, totalTo2025: number, totalTo2024: number) => [
      publication(
        { year: 2025 },
        ['REGION'],
        byRegion({ 'KG-O': 40, 'KG-B': 25, 'KG-N': null }, total2025),
      ),
      publication(
        { fromYear: 2000, toYear: 2025 },
        ['REGION'],
        byRegion({ 'KG-O': 137, 'KG-B': 25, 'KG-N': null }, totalTo2025),
      ),
      publication(
        { fromYear: 2000, toYear: 2024 },
        ['REGION'],
        byRegion({ 'KG-O': 97 }, totalTo2024),
      ),
    ];
    // 2000..2025 minus 2000..2024 gives 2025's 68; minus KG-O and KG-B leaves KG-N's 3, in 2025
    // and in 2000..2025 alike.
    const exact = attack(spans(null, 165, 97), LEGACY, truth);
    expect([exact.smallGroups, exact.recovered]).toEqual([2, 2]);
    // The same differences of perturbed values (each within 2 of the truth) leave a range.
    const noisy = attack(spans(70, 166, 96), CELL_KEY, truth);
    expect(noisy.smallGroups).toBe(2);
    expect(noisy.recovered).toBe(0);
  });

  it('pins withheld cells at K-1 when a perturbed total leaves them no room', () => {
    // KG-O and KG-B count 9 each, withheld; the total of 18 is published 20 (+2): the attacker
    // knows each is at most 9, the published zeros are true zeros, and 9 + 9 is the least total
    // 20 can come from.
    const nines = (group: Group) =>
      group.region === '*' ? 18 : ['KG-O', 'KG-B'].includes(group.region) ? 9 : 0;
    const report = attack(
      [publication({ year: 2025 }, ['REGION'], byRegion({ 'KG-O': null, 'KG-B': null }, 20))],
      CELL_KEY,
      nines,
    );
    expect(report.recovered).toBe(2);
    // Withheld on the perturbed count, a cell may hold up to K - 1 + D: no longer pinned.
    const perturbedThreshold = attack(
      [publication({ year: 2025 }, ['REGION'], byRegion({ 'KG-O': null, 'KG-B': null }, 20))],
      { ...CELL_KEY, smallCells: 'suppressPerturbed' },
      nines,
    );
    expect(perturbedThreshold.recovered).toBe(0);
  });

  it('counts the mean absolute perturbation of published counts against the truth', () => {
    const report = attack(
      [
        publication(
          { year: 2025 },
          ['REGION'],
          byRegion({ 'KG-O': 38, 'KG-B': 27, 'KG-N': null }, 70),
        ),
      ],
      CELL_KEY,
      truth,
    );
    // |38 - 40| + |27 - 25| + |70 - 68| over 9 published counts (8 regions and the total).
    expect(report.publishedCounts).toBe(9);
    expect(report.meanAbsolutePerturbation).toBeCloseTo(6 / 9, 10);
    // The six other regions hold nobody: over KG-O, KG-B and the total alone, 6 / 3.
    expect(report.nonzeroCounts).toBe(3);
    expect(report.meanAbsolutePerturbationOfNonzero).toBeCloseTo(2, 10);
    expect(report.withheld).toBe(1);
  });

  it('refuses to score an attack whose bounds exclude the truth, or contradictory tables', () => {
    const wrong = byRegion({ 'KG-O': 50, 'KG-B': null, 'KG-N': null }, 68);
    expect(() => attack([publication({ year: 2025 }, ['REGION'], wrong)], LEGACY, truth)).toThrow(
      /unsound: migration:departures\|2025-2025\|KG-B\|\*\|\*\|\*\|\* counts 25, outside its bounds \[0, 18\]/,
    );
    const contradictory = byRegion({ 'KG-O': 50 }, 68);
    expect(() =>
      attack([publication({ year: 2025 }, ['REGION'], contradictory)], LEGACY, truth),
    ).toThrow(/contradict/);
  });

  it('keys a group by measure, years and every dimension', () => {
    expect(
      groupKey({
        measure: 'migration:departures',
        fromYear: 2025,
        toYear: 2025,
        region: 'KG-N',
        sex: '*',
        ageBand: '*',
        destination: 'NONE',
        sector: '*',
      }),
    ).toBe('migration:departures|2025-2025|KG-N|*|*|NONE|*');
  });
});

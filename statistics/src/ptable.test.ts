import {
  checkPerturbationTable,
  DEFAULT_PTABLE,
  describePerturbation,
  maxNoiseOf,
  noiseMoments,
  noiseOf,
  perturbCount,
  possibleCounts,
  type PerturbationTable,
} from './ptable';
import { createRecordKeys } from './record-key';

/** Keys at the first and last position of each of the 20 slots of [0, 2^32). */
const SLOT_EDGES: Array<[slot: number, first: number, last: number]> = [
  [0, 0, 214_748_364],
  [1, 214_748_365, 429_496_729],
  [2, 429_496_730, 644_245_094],
  [5, 1_073_741_824, 1_288_490_188],
  [6, 1_288_490_189, 1_503_238_553],
  [13, 2_791_728_742, 3_006_477_107],
  [14, 3_006_477_108, 3_221_225_471],
  [17, 3_650_722_202, 3_865_470_566],
  [18, 3_865_470_567, 4_080_218_931],
  [19, 4_080_218_932, 4_294_967_295],
];

describe('the published perturbation table', () => {
  it('gives a count from 2 on the noise of its key slot: -2, -1, 0, +1, +2 over 2, 4, 8, 4, 2 slots', () => {
    const expected: Record<number, number> = {
      0: -2,
      1: -2,
      2: -1,
      5: -1,
      6: 0,
      13: 0,
      14: 1,
      17: 1,
      18: 2,
      19: 2,
    };
    for (const [slot, first, last] of SLOT_EDGES) {
      expect([slot, noiseOf(DEFAULT_PTABLE, 25, first)]).toEqual([slot, expected[slot]]);
      expect([slot, noiseOf(DEFAULT_PTABLE, 25, last)]).toEqual([slot, expected[slot]]);
    }
    expect(perturbCount(DEFAULT_PTABLE, 2, 0)).toBe(0);
    expect(perturbCount(DEFAULT_PTABLE, 1_000, 4_294_967_295)).toBe(1_002);
  });

  it('keeps a zero at zero and never publishes a count below zero', () => {
    for (const [, first, last] of SLOT_EDGES) {
      expect(perturbCount(DEFAULT_PTABLE, 0, first)).toBe(0);
      expect(perturbCount(DEFAULT_PTABLE, 0, last)).toBe(0);
    }
    expect(perturbCount(DEFAULT_PTABLE, 1, 1_717_986_918)).toBe(0);
    expect(perturbCount(DEFAULT_PTABLE, 1, 1_717_986_919)).toBe(1);
    expect(perturbCount(DEFAULT_PTABLE, 1, 3_006_477_108)).toBe(2);
    expect(perturbCount(DEFAULT_PTABLE, 1, 4_294_967_295)).toBe(3);
  });

  it('has D = 2, mean 0 for every count, V = 1.2 from 2 on and 1.0 for 1', () => {
    expect(maxNoiseOf(DEFAULT_PTABLE)).toBe(2);
    expect(noiseMoments(DEFAULT_PTABLE, 0)).toEqual({ mean: 0, variance: 0 });
    expect(noiseMoments(DEFAULT_PTABLE, 1)).toEqual({ mean: 0, variance: 1 });
    expect(noiseMoments(DEFAULT_PTABLE, 2)).toEqual({ mean: 0, variance: 1.2 });
    expect(noiseMoments(DEFAULT_PTABLE, 5_000)).toEqual({ mean: 0, variance: 1.2 });
    expect(checkPerturbationTable(DEFAULT_PTABLE)).toBe(DEFAULT_PTABLE);
  });

  it('is the same noise for the same count and key, every time', () => {
    const keys = createRecordKeys('a statistics secret of thirty-two characters or more');
    const key = keys('21001199000123');
    const first = noiseOf(DEFAULT_PTABLE, 17, key);
    for (let i = 0; i < 5; i += 1) expect(noiseOf(DEFAULT_PTABLE, 17, key)).toBe(first);
  });

  it('draws noise within D and with a mean near 0 over the keys of many persons', () => {
    const keys = createRecordKeys('a statistics secret of thirty-two characters or more');
    const noises = Array.from({ length: 20_000 }, (_, i) =>
      noiseOf(DEFAULT_PTABLE, 50, keys(`2${String(i).padStart(13, '0')}`)),
    );
    expect(Math.max(...noises.map(Math.abs))).toBe(2);
    const mean = noises.reduce((s, n) => s + n, 0) / noises.length;
    const variance = noises.reduce((s, n) => s + (n - mean) ** 2, 0) / noises.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1.2)).toBeLessThan(0.05);
    expect(noises.filter((n) => n === 0).length / noises.length).toBeCloseTo(0.4, 1);
  });

  it('tells which counts a published value can come from', () => {
    expect(possibleCounts(DEFAULT_PTABLE, 0)).toEqual([0, 2]);
    expect(possibleCounts(DEFAULT_PTABLE, 1)).toEqual([1, 3]);
    expect(possibleCounts(DEFAULT_PTABLE, 2)).toEqual([1, 4]);
    expect(possibleCounts(DEFAULT_PTABLE, 3)).toEqual([1, 5]);
    expect(possibleCounts(DEFAULT_PTABLE, 4)).toEqual([2, 6]);
    expect(possibleCounts(DEFAULT_PTABLE, 40)).toEqual([38, 42]);
  });

  it('refuses keys and counts outside their ranges', () => {
    expect(() => noiseOf(DEFAULT_PTABLE, 3, 4_294_967_296)).toThrow(/cell key/);
    expect(() => noiseOf(DEFAULT_PTABLE, 3, -1)).toThrow(/cell key/);
    expect(() => noiseOf(DEFAULT_PTABLE, -1, 0)).toThrow(/count/);
    expect(() => noiseOf(DEFAULT_PTABLE, 2.5, 0)).toThrow(/count/);
  });

  it('states its parameters', () => {
    expect(describePerturbation(DEFAULT_PTABLE)).toBe(
      'Counts carry cell-key noise: at most D = 2 either way, variance V = 1.2, mean 0; from 2 persons on the noise is -2: 0.1, -1: 0.2, 0: 0.4, +1: 0.2, +2: 0.1. Zero stays zero and no count is published below zero.',
    );
  });
});

describe('checkPerturbationTable', () => {
  const table = (rows: PerturbationTable['rows']): PerturbationTable => ({ resolution: 4, rows });

  it('refuses a table that moves zero, goes below zero, is biased or does not add up', () => {
    expect(() =>
      checkPerturbationTable(
        table([
          [
            [-1, 2],
            [1, 2],
          ],
        ]),
      ),
    ).toThrow(/below zero/);
    expect(() =>
      checkPerturbationTable(
        table([
          [[0, 4]],
          [
            [0, 3],
            [1, 1],
          ],
        ]),
      ),
    ).toThrow(/mean 0/);
    expect(() => checkPerturbationTable(table([[[0, 3]]]))).toThrow(/add up to 3/);
    expect(() =>
      checkPerturbationTable({
        resolution: 4,
        rows: [
          [
            [0, 2],
            [1, 1],
            [-1, 1],
          ],
        ],
      }),
    ).toThrow(/below zero/);
  });
});

/**
 * A small seeded pseudo-random generator (sfc32, from PractRand) and weighted choice. Each person
 * gets its own generator keyed by (seed, index), so any person can be generated on its own and in
 * any order, and the same key always yields the same draws on every platform: only 32-bit integer
 * arithmetic is used.
 */

/** A 32-bit finaliser (lowbias32): spreads every input bit over the whole output. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Refuses a seed the generator cannot take whole. */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295; got ${seed}`);
  }
  return seed;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for one (seed, stream) pair; streams are independent of each other. */
  constructor(seed: number, stream = 0) {
    const s = mix32(checkSeed(seed) ^ 0x9e3779b9);
    this.a = mix32(s ^ stream);
    this.b = mix32(this.a ^ 0x85ebca6b ^ Math.imul(stream, 0x27d4eb2f));
    this.c = mix32(this.b ^ 0xc2b2ae35);
    this.d = 1;
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
}

/**
 * A fixed list of values with weights (any positive numbers; they need not sum to 1), built once
 * and drawn from many times in O(log n).
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = [];
    this.cumulative = [];
    let total = 0;
    for (const [value, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new RangeError(
          `weight of ${String(value)} must be a finite number >= 0; got ${weight}`,
        );
      }
      if (weight === 0) continue;
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (this.values.length === 0) throw new RangeError('a weighted table needs a positive weight');
  }

  /** A table from an object of weights, such as `{ WORK: 0.9, STUDY: 0.1 }`. */
  static of<K extends string>(weights: Readonly<Partial<Record<K, number>>>): WeightedTable<K> {
    return new WeightedTable(Object.entries(weights) as Array<[K, number]>);
  }

  pick(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1];
    const target = random.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/** Draws from weighted [from, to] buckets, then uniformly inside the bucket drawn. */
export class RangeTable {
  private readonly table: WeightedTable<readonly [number, number]>;

  constructor(buckets: ReadonlyArray<readonly [readonly [number, number], number]>) {
    this.table = new WeightedTable(buckets);
  }

  pick(random: Random): number {
    const [from, to] = this.table.pick(random);
    return random.int(from, to);
  }
}

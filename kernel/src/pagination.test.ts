import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  populationOf,
  readKeyPage,
  type KeyRange,
} from './pagination';

describe('cursors', () => {
  it('round-trips a key and refuses anything not made by encodeCursor', () => {
    expect(decodeCursor(encodeCursor('10503199012345'))).toBe('10503199012345');
    expect(() => decodeCursor('abc')).toThrow(/cursor returned by an earlier page/);
    expect(() => decodeCursor(Buffer.from('x:1').toString('base64url'))).toThrow();
  });
  it('bounds page sizes', () => {
    expect(checkPageSize(200)).toBe(200);
    expect(() => checkPageSize(0)).toThrow(/1 to 200/);
    expect(() => checkPageSize(201)).toThrow(/201/);
  });
});

describe('readKeyPage', () => {
  /** A store of keys, reading a range as MongoDB does: sorted, at most `limit`; records each range. */
  const storeOf = (keys: string[]) => {
    const sorted = [...keys].sort();
    const ranges: KeyRange[] = [];
    const read = async (range: KeyRange, limit: number) => {
      ranges.push(range);
      return sorted
        .filter(
          (k) =>
            (range.$gt === undefined || k > range.$gt) &&
            (range.$gte === undefined || k >= range.$gte) &&
            (range.$lt === undefined || k < range.$lt),
        )
        .slice(0, limit);
    };
    return { sorted, ranges, read };
  };
  const pin = (n: number) => String(n).padStart(14, '0');

  it('pages through every key once, in order, whatever the spacing', async () => {
    // Dense at the start, a gap of most of the key space, then sparse.
    const keys = [
      ...Array.from({ length: 500 }, (_, i) => pin(10_000_000_000_000 + i * 3)),
      ...Array.from({ length: 40 }, (_, i) => pin(29_000_000_000_000 + i * 1_000_000_007)),
      pin(99_999_999_999_999),
      pin(0),
    ];
    const store = storeOf(keys);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page: string[] = await readKeyPage({ after, limit: 37, width: 14, read: store.read });
      seen.push(...page);
      if (page.length < 37) break;
      after = page.at(-1)!;
    }
    expect(seen).toEqual(store.sorted);
  });

  it('reads bounded ranges, contiguous and widening, and stops once the page is full', async () => {
    const store = storeOf(
      Array.from({ length: 1000 }, (_, i) => pin(20_000_000_000_000 + i * 1000)),
    );
    const page = await readKeyPage({
      after: pin(20_000_000_000_000),
      limit: 201,
      width: 14,
      firstSpan: 10_000n,
      read: store.read,
    });
    expect(page).toEqual(store.sorted.slice(1, 202));
    expect(store.ranges[0]).toEqual({ $gt: pin(20_000_000_000_000), $lt: pin(20_000_000_010_000) });
    expect(store.ranges[1]).toEqual({
      $gte: pin(20_000_000_010_000),
      $lt: pin(20_000_000_090_000),
    });
    expect(store.ranges.every((range) => range.$lt !== undefined)).toBe(true);
    for (let i = 1; i < store.ranges.length; i += 1)
      expect(store.ranges[i]!.$gte).toBe(store.ranges[i - 1]!.$lt);
  });

  it('asks each range only for what the page still lacks', async () => {
    const store = storeOf(Array.from({ length: 30 }, (_, i) => pin(i * 10_000_000)));
    const asked: number[] = [];
    await readKeyPage({
      after: null,
      limit: 25,
      width: 14,
      firstSpan: 50_000_000n,
      read: (range, limit) => {
        asked.push(limit);
        return store.read(range, limit);
      },
    });
    expect(asked).toEqual([25, 20]);
  });

  it('sizes the first range from the population: an even spread fills the page at once', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) =>
      pin(10_000_000_000_000 + i * 19_999_999_999),
    );
    const store = storeOf(keys);
    const page = await readKeyPage({
      after: null,
      limit: 201,
      width: 14,
      lowest: '10000000000000',
      highest: '29999999999999',
      population: keys.length,
      read: store.read,
    });
    expect(page).toEqual(store.sorted.slice(0, 201));
    expect(store.ranges).toHaveLength(1);
    expect(store.ranges[0]!.$gte).toBe('10000000000000');
  });

  it('reads a cursor that is not a key of that width open-ended, once', async () => {
    const store = storeOf([pin(5), pin(7), 'zz']);
    expect(await readKeyPage({ after: 'k', limit: 10, width: 14, read: store.read })).toEqual([
      'zz',
    ]);
    expect(store.ranges).toEqual([{ $gt: 'k' }]);
  });

  it('returns nothing from an empty store after covering the key space', async () => {
    const store = storeOf([]);
    expect(await readKeyPage({ after: null, limit: 5, width: 14, read: store.read })).toEqual([]);
    expect(store.ranges.at(-1)).toEqual({ $gte: expect.any(String) });
  });
});

describe('populationOf', () => {
  const model = (counts: (number | Error)[]) => {
    let asked = 0;
    return {
      collection: {},
      get asked() {
        return asked;
      },
      estimatedDocumentCount: () => {
        const next = counts[asked++]!;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
    };
  };

  it('reads a collection once per period, and again after it', async () => {
    const persons = model([1000, 1200]);
    expect(await populationOf(persons, 60_000, 0)).toBe(1000);
    expect(await populationOf(persons, 60_000, 59_999)).toBe(1000);
    expect(persons.asked).toBe(1);
    expect(await populationOf(persons, 60_000, 60_000)).toBe(1200);
    expect(persons.asked).toBe(2);
  });

  it('shares one reading between concurrent pages, and keeps collections apart', async () => {
    const persons = model([1000]);
    const episodes = model([5]);
    const [a, b, c] = await Promise.all([
      populationOf(persons, 60_000, 0),
      populationOf(persons, 60_000, 1),
      populationOf(episodes, 60_000, 1),
    ]);
    expect([a, b, c, persons.asked, episodes.asked]).toEqual([1000, 1000, 5, 1, 1]);
  });

  it('does not keep a failed reading', async () => {
    const persons = model([new Error('store away'), 1000]);
    await expect(populationOf(persons, 60_000, 0)).rejects.toThrow('store away');
    expect(await populationOf(persons, 60_000, 1)).toBe(1000);
  });
});

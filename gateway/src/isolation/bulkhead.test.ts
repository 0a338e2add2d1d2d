import { BulkheadRefusedError, createBulkhead, type BulkheadRefusal } from './bulkhead';
import type { HeavyPoolSettings } from './settings';

/** A task that runs until the test ends it, and records that it started. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

const POOL: HeavyPoolSettings = {
  concurrency: 3,
  perCaller: 2,
  queue: 5,
  queuePerCaller: 3,
  queueTimeoutMs: 1000,
};

describe('createBulkhead', () => {
  it('gives one caller at most its share, and the rest of the slots to another at once', async () => {
    const started: string[] = [];
    const pool = createBulkhead(POOL);
    const a = [1, 2, 3, 4].map((i) => gate(started, `a${i}`));
    const runs = a.map((g) => pool.run('analyst', 1, g.task));
    await settle();
    expect(started).toEqual(['a1', 'a2']);
    const officer = gate(started, 'o1');
    const officerRun = pool.run('officer', 1, officer.task);
    await settle();
    expect(started).toEqual(['a1', 'a2', 'o1']);
    expect(pool.stats()).toEqual({ active: 3, queued: 2 });
    officer.finish();
    await expect(officerRun).resolves.toBe('o1');
    for (const g of a) g.finish();
    await expect(Promise.all(runs)).resolves.toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(pool.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('hands freed slots to waiting callers in turn, not to the one with the longest queue', async () => {
    const started: string[] = [];
    const pool = createBulkhead({ ...POOL, concurrency: 1, perCaller: 1 });
    const first = gate(started, 'a1');
    const runs = [pool.run('analyst', 1, first.task)];
    const rest = [gate(started, 'a2'), gate(started, 'a3')];
    for (const g of rest) runs.push(pool.run('analyst', 1, g.task));
    const officer = gate(started, 'o1');
    runs.push(pool.run('officer', 1, officer.task));
    await settle();
    first.finish();
    await settle();
    rest[0]!.finish();
    await settle();
    // The analyst queued first and gets the first freed slot; the officer the next, before a3.
    expect(started).toEqual(['a1', 'a2', 'o1']);
    officer.finish();
    rest[1]!.finish();
    await Promise.all(runs);
    expect(started).toEqual(['a1', 'a2', 'o1', 'a3']);
  });

  it("refuses a caller's task beyond its queue share, and leaves room for others", async () => {
    const refused: BulkheadRefusal[] = [];
    const started: string[] = [];
    const pool = createBulkhead(POOL, { refused: (reason) => refused.push(reason) });
    const gates = Array.from({ length: 6 }, (_, i) => gate(started, `a${i}`));
    const runs = gates.map((g) => pool.run('analyst', 1, g.task).catch((e: unknown) => e));
    await settle();
    // Two running, three queued (its share), the sixth refused without running.
    const sixth = await runs[5];
    expect(sixth).toBeInstanceOf(BulkheadRefusedError);
    expect((sixth as BulkheadRefusedError).reason).toBe('caller_queue_full');
    expect(started).not.toContain('a5');
    const other = gate(started, 'b1');
    const otherRun = pool.run('auditor', 1, other.task);
    await settle();
    expect(started).toContain('b1');
    other.finish();
    for (const g of gates) g.finish();
    await Promise.all([otherRun, ...runs]);
    expect(refused).toEqual(['caller_queue_full']);
  });

  it('refuses when the whole queue is full', async () => {
    const started: string[] = [];
    const pool = createBulkhead({ ...POOL, queue: 3 });
    const gates: ReturnType<typeof gate>[] = [];
    const runs: Promise<unknown>[] = [];
    for (const caller of ['a', 'a', 'a', 'b', 'b', 'c']) {
      const g = gate(started, caller);
      gates.push(g);
      runs.push(pool.run(caller, 1, g.task).catch((e: unknown) => e));
    }
    await settle();
    // a: 2 running, 1 queued; b: 1 running, 1 queued; c: 1 queued; the queue holds 3.
    expect(pool.stats()).toEqual({ active: 3, queued: 3 });
    const late = await pool.run('d', 1, async () => 'ran').catch((e: unknown) => e);
    expect((late as BulkheadRefusedError).reason).toBe('queue_full');
    for (const g of gates) g.finish();
    await Promise.all(runs);
  });

  it('refuses a task that waited longer than the queue timeout, and it never runs', async () => {
    jest.useFakeTimers();
    try {
      const started: string[] = [];
      const pool = createBulkhead({ ...POOL, concurrency: 1, perCaller: 1 });
      const holder = gate(started, 'holder');
      const held = pool.run('a', 1, holder.task);
      const waiting = pool.run('b', 1, async () => started.push('waiter')).catch((e: unknown) => e);
      jest.advanceTimersByTime(999);
      expect(pool.stats()).toEqual({ active: 1, queued: 1 });
      jest.advanceTimersByTime(1);
      const error = await waiting;
      expect((error as BulkheadRefusedError).reason).toBe('queue_timeout');
      expect(pool.stats()).toEqual({ active: 1, queued: 0 });
      holder.finish();
      await held;
      expect(started).toEqual(['holder']);
      expect(pool.stats()).toEqual({ active: 0, queued: 0 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts a weighted task as several slots, capped at the share, and frees them on failure', async () => {
    const started: string[] = [];
    const pool = createBulkhead(POOL);
    const heavy = gate(started, 'heavy');
    const heavyRun = pool.run('a', 5, heavy.task);
    await settle();
    expect(pool.stats().active).toBe(2);
    const next = pool.run('a', 1, async () => 'next');
    await settle();
    expect(pool.stats()).toEqual({ active: 2, queued: 1 });
    heavy.finish();
    await heavyRun;
    await expect(next).resolves.toBe('next');
    await expect(
      pool.run('a', 2, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(pool.stats()).toEqual({ active: 0, queued: 0 });
  });
});

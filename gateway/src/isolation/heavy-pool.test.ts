import { buildSchema, GraphQLError, parse } from 'graphql';
import type { Caller } from '@jol/kernel';
import { createBulkhead } from './bulkhead';
import { withHeavyPool } from './heavy-pool';
import type { HeavyPoolSettings } from './settings';

const schema = buildSchema(
  `type Query { indicators: Int! persons(first: Int! = 50): [Int!]! person: Int }`,
);

const SETTINGS: HeavyPoolSettings = {
  concurrency: 1,
  perCaller: 1,
  queue: 1,
  queuePerCaller: 1,
  queueTimeoutMs: 1500,
};

type Executor = Parameters<typeof withHeavyPool>[0];

function requestOf(query: string, caller: Caller) {
  return {
    schema,
    document: parse(query),
    operationName: null,
    request: { query, variables: {} },
    context: { caller },
  } as unknown as Parameters<Executor>[0];
}

const analyst: Caller = { sub: 'a', roles: ['ANALYST'] };
const officer: Caller = { sub: 'o', roles: ['MIGRATION_OFFICER'] };

/** An executor whose calls stay open until `release()`. */
function heldExecutor() {
  const calls: string[] = [];
  const releases: (() => void)[] = [];
  const executor: Executor = (context) => {
    calls.push(context.request.query!);
    return new Promise((resolve) => releases.push(() => resolve({ data: { ok: true } })));
  };
  return { executor, calls, release: () => releases.splice(0).forEach((r) => r()) };
}

const refusalOf = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { code, http } = (error as GraphQLError).extensions as {
    code: string;
    http: { status: number; headers?: Map<string, string> };
  };
  return { code, status: http.status, retryAfter: http.headers?.get('retry-after') };
};

describe('withHeavyPool', () => {
  it('queues heavy queries by caller and lets light ones through a full pool', async () => {
    const held = heldExecutor();
    const pool = createBulkhead(SETTINGS);
    const run = withHeavyPool(held.executor, pool, SETTINGS);
    const first = run(requestOf('{ indicators }', analyst));
    const second = run(requestOf('{ indicators }', analyst));
    // The caller's one running and one queued: a third is its own fault.
    expect(await refusalOf(run(requestOf('{ indicators }', analyst)))).toEqual({
      code: 'RATE_LIMITED',
      status: 429,
      retryAfter: '2',
    });
    const light = run(requestOf('{ person }', officer));
    await new Promise((r) => setImmediate(r));
    expect(held.calls).toEqual(['{ indicators }', '{ person }']);
    // Another caller finds the whole queue taken.
    expect(await refusalOf(run(requestOf('{ persons }', officer)))).toEqual({
      code: 'OVERLOADED',
      status: 503,
      retryAfter: '2',
    });
    held.release();
    await Promise.all([first, light]);
    await new Promise((r) => setImmediate(r));
    held.release();
    await expect(second).resolves.toEqual({ data: { ok: true } });
  });

  it('refuses with OVERLOADED once a heavy query waited past the queue timeout', async () => {
    jest.useFakeTimers();
    try {
      const held = heldExecutor();
      const pool = createBulkhead(SETTINGS);
      const run = withHeavyPool(held.executor, pool, SETTINGS);
      const first = run(requestOf('{ indicators }', analyst));
      const waiting = refusalOf(run(requestOf('{ indicators }', officer)));
      jest.advanceTimersByTime(SETTINGS.queueTimeoutMs);
      expect(await waiting).toEqual({ code: 'OVERLOADED', status: 503, retryAfter: '2' });
      expect(held.calls).toHaveLength(1);
      held.release();
      await first;
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses as bad input an operation with more heavy fields than one caller may run', async () => {
    const held = heldExecutor();
    const run = withHeavyPool(held.executor, createBulkhead(SETTINGS), SETTINGS);
    const refusal = await run(requestOf('{ a: indicators b: indicators }', analyst)).catch(
      (e: unknown) => e as GraphQLError,
    );
    expect((refusal as GraphQLError).message).toMatch(/at most 1 heavy fields .* got 2/);
    expect((refusal as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
    });
    expect(held.calls).toEqual([]);
  });
});

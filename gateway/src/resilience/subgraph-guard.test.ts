import { GraphQLError } from 'graphql';
import {
  createSubgraphGuard,
  SubgraphCallError,
  SubgraphStatusError,
  type SubgraphGuard,
} from './subgraph-guard';

const refused = () => Promise.reject(new TypeError('fetch failed'));
const hang = (signal: AbortSignal) =>
  new Promise<never>((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason)),
  );

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubgraphCallError);
  return (error as SubgraphCallError).extensions;
}

describe('createSubgraphGuard', () => {
  const guards: SubgraphGuard[] = [];
  const guard = (...args: Parameters<typeof createSubgraphGuard>) => {
    const made = createSubgraphGuard(...args);
    guards.push(made);
    return made;
  };
  afterEach(() => guards.splice(0).forEach((g) => g.shutdown()));

  it('retries a query after a refused connection, up to the attempts allowed', async () => {
    const health = guard('health', { maxAttempts: 3, backoffMs: 1, volumeThreshold: 100 });
    let calls = 0;
    const answer = await health.call(() => (++calls < 3 ? refused() : Promise.resolve('data')), {
      retry: true,
    });
    expect(answer).toBe('data');
    expect(calls).toBe(3);
  });

  it('sends a mutation once and names the agency, never a URL, in the error', async () => {
    const health = guard('health', { maxAttempts: 3, backoffMs: 1, volumeThreshold: 100 });
    let calls = 0;
    const extensions = await codeOf(health.call(() => (calls++, refused()), { retry: false }));
    expect(calls).toBe(1);
    expect(extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      subgraph: 'health',
      writeOutcome: 'UNKNOWN',
    });
  });

  it('tells a writer whose write timed out that it may have been stored, and keeps it at its path', async () => {
    const labour = guard('labour', { timeoutMs: 20, volumeThreshold: 100 });
    const error = await labour.call(hang, { retry: false }).then(
      () => null,
      (e: unknown) => e as SubgraphCallError,
    );
    expect(error?.message).toBe(
      'The labour agency did not answer in time; the write may have been stored: read it back before sending it again',
    );
    expect(error?.extensions).toEqual({
      code: 'SUBGRAPH_TIMEOUT',
      subgraph: 'labour',
      writeOutcome: 'UNKNOWN',
    });
    const placed = error!.at(['addSkill']);
    expect(placed.path).toEqual(['addSkill']);
    expect(placed.extensions).toEqual(error!.extensions);
    // A read that timed out says nothing of writes.
    const read = await codeOf(labour.call(hang, { retry: true }));
    expect(read).toEqual({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'labour' });
  });

  it('tells a writer an open breaker sent nothing', () => {
    const error = new SubgraphCallError('health', 'SUBGRAPH_CIRCUIT_OPEN', undefined, true);
    expect(error.message).toBe(
      'The health agency is failing and was not called; nothing was written',
    );
    expect(error.extensions).toEqual({
      code: 'SUBGRAPH_CIRCUIT_OPEN',
      subgraph: 'health',
      writeOutcome: 'NOT_WRITTEN',
    });
  });

  it('retries a 5xx answer and reports SUBGRAPH_UNAVAILABLE when every attempt fails', async () => {
    const labour = guard('labour', { maxAttempts: 2, backoffMs: 1, volumeThreshold: 100 });
    let calls = 0;
    const failing = () => (calls++, Promise.reject(new SubgraphStatusError(502)));
    expect(await codeOf(labour.call(failing, { retry: true }))).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      subgraph: 'labour',
    });
    expect(calls).toBe(2);
  });

  it('passes a refusal written for the client on unchanged, once, without counting it', async () => {
    const events: string[] = [];
    const labour = guard(
      'labour',
      { maxAttempts: 3, volumeThreshold: 1, errorThresholdPercentage: 1 },
      { state: (_s, state) => events.push(state) },
    );
    const refusal = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    let calls = 0;
    for (let i = 0; i < 3; i++)
      await expect(
        labour.call(() => (calls++, Promise.reject(refusal)), { retry: true }),
      ).rejects.toBe(refusal);
    expect(calls).toBe(3);
    expect(labour.state()).toBe('closed');
  });

  it('ends a hung call at the timeout, all attempts included', async () => {
    const health = guard('health', { timeoutMs: 150, maxAttempts: 3, volumeThreshold: 100 });
    const started = Date.now();
    expect(await codeOf(health.call(hang, { retry: true }))).toEqual({
      code: 'SUBGRAPH_TIMEOUT',
      subgraph: 'health',
    });
    expect(Date.now() - started).toBeLessThan(150 * 3);
  });

  it('opens after failures, fails fast while open, and closes after a good trial call', async () => {
    const states: string[] = [];
    const pensions = guard(
      'pensions',
      { maxAttempts: 1, volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 100 },
      { state: (_s, state) => states.push(state) },
    );
    for (let i = 0; i < 2; i++) await codeOf(pensions.call(refused, { retry: true }));
    expect(pensions.state()).toBe('open');
    let called = false;
    expect(
      await codeOf(pensions.call(() => ((called = true), Promise.resolve(1)), { retry: true })),
    ).toEqual({ code: 'SUBGRAPH_CIRCUIT_OPEN', subgraph: 'pensions' });
    expect(called).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(pensions.state()).toBe('half_open');
    expect(await pensions.call(() => Promise.resolve('back'), { retry: true })).toBe('back');
    expect(pensions.state()).toBe('closed');
    expect(states).toEqual(['closed', 'open', 'half_open', 'closed']);
  });
});

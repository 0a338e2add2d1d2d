import { SpanKind, trace } from '@opentelemetry/api';
import { parse } from 'graphql';
import {
  CALLER_OPERATION_NAME_HEADER,
  createSignatureVerifier,
  type NonceStore,
  type SigningKeys,
} from '@jol/kernel';
import { recordSpans } from '@jol/testkit/service';
import { createSigningFetcher, JolDataSource } from './data-source';
import { createSubgraphGuard, type SubgraphGuard } from './resilience/subgraph-guard';

const KEYS: SigningKeys = [
  { id: 'current', secret: 'gateway-data-source-current-secret-0000' },
  { id: 'previous', secret: 'gateway-data-source-previous-secret-000' },
];

const anyNonce: NonceStore = { claim: async () => true };

/** Sends one request through the signing fetcher and returns what reached the network. */
async function sent(target: string) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = createSigningFetcher(KEYS, target, (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('{}', { status: 200 });
  }) as unknown as typeof fetch);
  await fetcher('http://127.0.0.1:4002/graphql', {
    method: 'POST',
    body: '{"query":"{ _service { sdl } }"}',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer caller',
      'x-purpose': 'EMPLOYMENT_SERVICES',
      'x-request-id': 'req-9',
    },
  });
  const { init } = calls[0]!;
  return {
    method: String(init.method),
    path: '/graphql',
    body: String(init.body),
    headers: init.headers as Record<string, string>,
  };
}

describe('createSigningFetcher', () => {
  it('signs with the first key, for the subgraph it was made for, over what it sends', async () => {
    const request = await sent('labour');
    expect(request.headers).toMatchObject({
      authorization: 'Bearer caller',
      'x-purpose': 'EMPLOYMENT_SERVICES',
      'x-request-id': 'req-9',
      'x-jol-key-id': 'current',
    });
    const labour = createSignatureVerifier({ audience: 'labour', keys: KEYS, nonces: anyNonce });
    expect(await labour(request)).toEqual({ ok: true, keyId: 'current' });
    const health = createSignatureVerifier({ audience: 'health', keys: KEYS, nonces: anyNonce });
    expect(await health(request)).toEqual({ ok: false, reason: 'bad signature' });
  });
});

describe("JolDataSource, the caller's operation name", () => {
  /** What reached the pensions subgraph for an incoming operation `incoming`, planned as `planned`. */
  async function sentFor(incoming: string, planned: string, ownOperation?: boolean) {
    const sent: { body: string; headers: Record<string, string> }[] = [];
    const network = (async (_url: string, init: RequestInit) => {
      sent.push({ body: String(init.body), headers: init.headers as Record<string, string> });
      return new Response(JSON.stringify({ data: { ok: true } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch;
    const dataSource = new JolDataSource({
      url: 'http://127.0.0.1:4004/graphql',
      fetcher: createSigningFetcher(KEYS, 'pensions', network),
    });
    const operation = parse(incoming).definitions[0];
    await dataSource.process({
      kind: 'incoming operation',
      request: { query: planned, http: { method: 'POST', url: '', headers: new Headers() } },
      context: { forwarded: { 'x-request-id': 'r', authorization: 'Bearer caller' }, ownOperation },
      incomingRequestContext: { operation },
    } as unknown as Parameters<JolDataSource['process']>[0]);
    const { body, headers } = sent[0]!;
    return { method: 'POST', path: '/graphql', body, headers };
  }

  it("is sent, signed, in place of the query planner's name", async () => {
    const request = await sentFor('query CaseWork42 { a }', 'query CaseWork42__pensions__1 { a }');
    expect(request.headers[CALLER_OPERATION_NAME_HEADER]).toBe('CaseWork42');
    expect(request.headers['x-jol-signed-headers']).toContain(CALLER_OPERATION_NAME_HEADER);
    const pensions = createSignatureVerifier({
      audience: 'pensions',
      keys: KEYS,
      nonces: anyNonce,
    });
    expect(await pensions(request)).toEqual({ ok: true, keyId: 'current' });
    const renamed = { ...request.headers, [CALLER_OPERATION_NAME_HEADER]: 'Other' };
    expect(await pensions({ ...request, headers: renamed })).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('is not sent for an anonymous operation', async () => {
    const request = await sentFor('{ a }', 'query Anonymous__pensions__0 { a }');
    expect(request.headers[CALLER_OPERATION_NAME_HEADER]).toBeUndefined();
  });

  it('is not sent for an operation Jol wrote itself (the indicators CSV)', async () => {
    const request = await sentFor(
      'query IndicatorsCsv { a }',
      'query IndicatorsCsv__x__0 { a }',
      true,
    );
    expect(request.headers[CALLER_OPERATION_NAME_HEADER]).toBeUndefined();
  });
});

describe('createSigningFetcher while tracing', () => {
  let recorder: ReturnType<typeof recordSpans>;
  beforeEach(() => {
    recorder = recordSpans();
  });
  afterEach(() => recorder.stop());

  it('sends and signs the trace context of a client span of its own, child of the request', async () => {
    const request = await trace
      .getTracer('test')
      .startActiveSpan('gateway request', async (parent) => {
        const sentRequest = await sent('labour');
        parent.end();
        return sentRequest;
      });
    const spans = recorder.spans();
    const parent = spans.find((span) => span.name === 'gateway request')!;
    const call = spans.find((span) => span.name === 'POST labour')!;
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.attributes).toMatchObject({
      'jol.subgraph': 'labour',
      'http.response.status_code': 200,
    });
    expect(call.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    const { traceId, spanId } = call.spanContext();
    expect(request.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(request.headers['x-jol-signed-headers']).toBe(
      'authorization;x-purpose;x-request-id;x-caller-request-id;traceparent',
    );

    const labour = createSignatureVerifier({ audience: 'labour', keys: KEYS, nonces: anyNonce });
    expect(await labour(request)).toEqual({ ok: true, keyId: 'current' });
    const moved = { ...request.headers, traceparent: `00-${'1'.repeat(32)}-${spanId}-01` };
    expect(await labour({ ...request, headers: moved })).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('sends no trace context while tracing is off', async () => {
    await recorder.stop();
    const request = await sent('labour');
    expect(request.headers.traceparent).toBeUndefined();
    expect(request.headers['x-jol-signed-headers']).toBe(
      'authorization;x-purpose;x-request-id;x-caller-request-id',
    );
    recorder = recordSpans();
  });
});

describe('JolDataSource with a guard', () => {
  let guard: SubgraphGuard;
  afterEach(() => guard?.shutdown());

  /** A data source whose network answers `answers` in turn (an Error is thrown), and what it sent. */
  function source(answers: (number | Error)[]) {
    const sentHeaders: Record<string, string>[] = [];
    const network = (async (_url: string, init: RequestInit) => {
      sentHeaders.push(init.headers as Record<string, string>);
      const next = answers.shift() ?? 200;
      if (next instanceof Error) throw next;
      return new Response(JSON.stringify(next === 200 ? { data: { ok: true } } : {}), {
        status: next,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch;
    guard = createSubgraphGuard('health', { backoffMs: 1, maxAttempts: 3, volumeThreshold: 100 });
    const dataSource = new JolDataSource({
      url: 'http://127.0.0.1:4003/graphql',
      fetcher: createSigningFetcher(KEYS, 'health', network),
      guard,
    });
    const run = (query: string) =>
      dataSource.process({
        kind: 'incoming operation',
        request: { query, http: { method: 'POST', url: '', headers: new Headers() } },
        context: { forwarded: { 'x-request-id': 'r' } },
        incomingRequestContext: {},
        pathInIncomingRequest: ['person'],
      } as unknown as Parameters<JolDataSource['process']>[0]);
    return { run, sentHeaders };
  }

  it('retries a query after a refused connection and a 503, signing each attempt afresh', async () => {
    const { run, sentHeaders } = source([new TypeError('fetch failed'), 503, 200]);
    const response = await run('{ _entities(representations: []) { __typename } }');
    expect(response.data).toEqual({ ok: true });
    expect(sentHeaders).toHaveLength(3);
    const nonces = new Set(sentHeaders.map((h) => h['x-jol-nonce']));
    expect(nonces.size).toBe(3);
  });

  it('sends a mutation once and reports the agency at the missing part', async () => {
    const { run, sentHeaders } = source([503, 200]);
    const error = await run('mutation { recordVisit { id } }').catch((e: unknown) => e);
    expect(sentHeaders).toHaveLength(1);
    expect(error).toMatchObject({
      path: ['person'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'health' },
    });
  });
});

import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { NextFunction, Request, Response } from 'express';
import { SIGNATURE_HEADERS, type Caller, type Logger } from '@jol/kernel';
import { buildManifest, readOperations } from './partner-operations/manifest';
import {
  createPartnerErrorAuditor,
  createPersistedOperationsGate,
  createRefusalAuditor,
  pinsIn,
  requestedOperations,
  type OperationRefusal,
} from './persisted-operations';

/**
 * The gate and its helpers called directly, for the cases an HTTP client cannot send (a null
 * body, a GET with a body) and for exactly what the audit receives.
 */

const operations = readOperations();
const manifest = buildManifest(['ReadKyrgyzPeriods'], operations);
const REGISTERED = manifest.operations[0]!;
const PARTNER: Caller = { sub: 'sfr', roles: ['PARTNER'], partner: 'RU-SFR' };
const HEX = 'a'.repeat(64);

function createHarness(options: { audit?: 'record' | 'fail' | 'none' } = {}) {
  const refusals: OperationRefusal[] = [];
  const errors: unknown[][] = [];
  const log = { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger;
  const mode = options.audit ?? 'record';
  const gate = createPersistedOperationsGate({
    manifests: new Map([['RU-SFR', manifest]]),
    log,
    ...(mode === 'none'
      ? {}
      : {
          audit: async (refusal: OperationRefusal) => {
            if (mode === 'fail') throw new Error('store down');
            refusals.push(refusal);
          },
        }),
  });
  async function call(input: {
    caller?: Caller;
    body?: unknown;
    query?: Record<string, unknown>;
    method?: string;
    headers?: Record<string, unknown>;
    id?: string;
  }) {
    const req = {
      method: input.method ?? 'POST',
      body: input.body,
      query: input.query,
      headers: input.headers ?? {},
      id: input.id,
    } as unknown as Request;
    let status = 200;
    let json: unknown;
    const res = {
      locals: { caller: input.caller, requestId: input.id },
      status(code: number) {
        status = code;
        return this;
      },
      setHeader() {
        return this;
      },
      json(body: unknown) {
        json = body;
        return this;
      },
    } as unknown as Response;
    let passed = false;
    await gate(req, res, (() => {
      passed = true;
    }) as NextFunction);
    return { passed, status, json, body: req.body as unknown };
  }
  return { call, refusals, errors };
}

const refusal = (message: string) => ({
  errors: [{ message, extensions: { code: 'OPERATION_NOT_REGISTERED' } }],
});
const SEND_AN_ID =
  'Send the id of an operation registered for your institution (extensions.persistedQuery.sha256Hash or id)';

describe('the persisted operations gate, called directly', () => {
  it('lets a request without a caller through (the token check answers it)', async () => {
    const { call } = createHarness();
    expect(await call({ body: { query: '{ a }' } })).toMatchObject({ passed: true, status: 200 });
  });

  it('refuses a registered id sent with GET', async () => {
    const { call } = createHarness();
    expect(await call({ caller: PARTNER, method: 'GET', body: { id: REGISTERED.id } })).toEqual({
      passed: false,
      status: 403,
      json: refusal('Partner institutions POST the id of a registered operation'),
      body: { id: REGISTERED.id },
    });
  });

  it('takes a top-level id when the APQ extension has no persistedQuery', async () => {
    const { call } = createHarness();
    const result = await call({ caller: PARTNER, body: { id: REGISTERED.id, extensions: {} } });
    expect(result.passed).toBe(true);
    expect(result.body).toEqual({
      query: REGISTERED.body,
      operationName: REGISTERED.name,
      variables: {},
    });
  });

  it.each([
    [null, 'a null body'],
    [['x'], 'an array body'],
    ['text', 'a string body'],
  ] as [unknown, string][])('refuses %p (%s) as a request without an id', async (body) => {
    const { call, refusals } = createHarness();
    expect(await call({ caller: PARTNER, body })).toMatchObject({
      status: 403,
      json: refusal(SEND_AN_ID),
    });
    expect(refusals[0]).toMatchObject({ operationId: null, operationName: null, pins: [] });
  });

  it.each([
    [{ id: HEX.toUpperCase() }, 'upper-case hex'],
    [{ id: [HEX] }, 'an id in an array'],
    [{ id: 7 }, 'a number'],
    [{ extensions: { persistedQuery: { sha256Hash: HEX.slice(1) } } }, '63 digits'],
    [{ extensions: { persistedQuery: { sha256Hash: `${HEX}a` } } }, '65 digits'],
    [{ id: `x${HEX}` }, 'a letter before 64 digits'],
    [{ id: `${HEX}x` }, 'a letter after 64 digits'],
  ] as [unknown, string][])('does not take %p (%s) for an operation id', async (body) => {
    const { call, refusals } = createHarness();
    expect(await call({ caller: PARTNER, body })).toMatchObject({ json: refusal(SEND_AN_ID) });
    expect(refusals[0]!.operationId).toBeNull();
  });

  it('records what the request says of itself, and nothing it does not', async () => {
    const { call, refusals } = createHarness();
    await call({
      caller: PARTNER,
      id: 'req-9',
      headers: {
        authorization: 'Bearer t',
        'x-purpose': 'PENSION_EXCHANGE',
        'x-request-id': 'caller-label-1',
      },
      body: { id: HEX, variables: { pin: '10503199012345' } },
    });
    await call({ caller: PARTNER, headers: { 'x-purpose': ['A', 'B'] }, body: { id: HEX } });
    expect(refusals).toEqual([
      {
        caller: PARTNER,
        requestId: 'req-9',
        callerRequestId: 'caller-label-1',
        purpose: 'PENSION_EXCHANGE',
        authorization: 'Bearer t',
        operationId: HEX,
        operationName: null,
        pins: ['10503199012345'],
      },
      {
        caller: PARTNER,
        requestId: '',
        callerRequestId: null,
        purpose: null,
        authorization: '',
        operationId: HEX,
        operationName: null,
        pins: [],
      },
    ]);
  });

  it.each([
    ['the operationName given', { operationName: 'Given', query: 'query Other { a }' }, 'Given'],
    ['no operationName that is no string', { operationName: 7, query: 'query Other { a }' }, null],
    ['no operationName that is no GraphQL name', { operationName: 'not-a-name' }, null],
    [
      'the first operation after a fragment',
      { query: 'fragment F on Query { a } query Second { ...F }' },
      'Second',
    ],
    ['none for a fragment alone', { query: 'fragment F on Query { a }' }, null],
    ['none for an anonymous query', { query: '{ a }' }, null],
    ['none for a syntax error', { query: 'query {' }, null],
    [
      'the name in a query of 100,000 characters',
      { query: `query Exact { a }${' '.repeat(100_000 - 17)}` },
      'Exact',
    ],
    ['none in a longer query', { query: `query Long { a }${' '.repeat(100_000 - 15)}` }, null],
  ] as [string, unknown, string | null][])('records %s', async (_label, body, name) => {
    const { call, refusals } = createHarness();
    await call({ caller: PARTNER, body });
    expect(refusals[0]!.operationName).toBe(name);
  });

  it('refuses without an audit configured', async () => {
    const { call } = createHarness({ audit: 'none' });
    expect(await call({ caller: PARTNER, body: {} })).toMatchObject({
      status: 403,
      json: refusal(SEND_AN_ID),
    });
  });

  it('logs an audit that failed, and refuses all the same', async () => {
    const { call, errors } = createHarness({ audit: 'fail' });
    expect(await call({ caller: PARTNER, body: {} })).toMatchObject({ status: 403 });
    expect(errors).toEqual([
      [{ err: new Error('store down') }, 'a refused partner request was not audited'],
    ]);
  });
});

describe('the persons of a refused request, in every form it takes', () => {
  const [A, B, C] = ['10503199012345', '10101199000011', '20202199000022'];
  const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it('are those of each operation of a batch (a JSON array body), the first id and name kept', async () => {
    const { call, refusals } = createHarness();
    await call({
      caller: PARTNER,
      body: [
        'not an operation',
        { operationName: 'First', extensions: apq(HEX), variables: { pin: A } },
        { id: REGISTERED.id, operationName: 'Second', variables: { input: { pins: [B, A] } } },
      ],
    });
    expect(refusals[0]).toMatchObject({
      operationId: HEX,
      operationName: 'First',
      pins: [A, B],
    });
  });

  it('are those of the URL-encoded variables of a GET, with its id and operation name', async () => {
    const { call, refusals } = createHarness();
    const refused = await call({
      caller: PARTNER,
      method: 'GET',
      query: {
        operationName: 'FindExchangeCases',
        variables: JSON.stringify({ pin: A }),
        extensions: JSON.stringify(apq(REGISTERED.id)),
      },
    });
    expect(refused).toMatchObject({
      status: 403,
      json: refusal('Partner institutions POST the id of a registered operation'),
    });
    expect(refusals[0]).toMatchObject({
      operationId: REGISTERED.id,
      operationName: 'FindExchangeCases',
      pins: [A],
    });
  });

  it('are those of each value of a repeated GET parameter; malformed JSON names no one, and is audited', async () => {
    const { call, refusals } = createHarness();
    await call({
      caller: PARTNER,
      method: 'GET',
      query: { variables: [JSON.stringify({ pin: A }), '{"pin":', JSON.stringify([C])] },
    });
    await call({ caller: PARTNER, method: 'GET', query: { variables: `{"pin":"${B}"` } });
    expect(refusals.map((r) => r.pins)).toEqual([[A, C], []]);
  });

  it('are at most 20 over all the operations of a request', async () => {
    const { call, refusals } = createHarness();
    const pinOfDay = (day: number) => `1${String(day).padStart(2, '0')}01199000000`;
    const batch = Array.from({ length: 25 }, (_, i) => ({ variables: { pin: pinOfDay(i + 1) } }));
    await call({ caller: PARTNER, body: batch });
    expect(refusals[0]!.pins).toHaveLength(20);
  });
});

describe('requestedOperations', () => {
  const raw = (text: string | Uint8Array) => ({ body: Buffer.from(text), query: {} });

  it('reads a body the JSON parser refused: a batch, or an object sent as another media type', () => {
    expect(requestedOperations(raw('[{"variables":{"pin":"1"}}, 7, null]'))).toEqual([
      { variables: { pin: '1' } },
    ]);
    expect(requestedOperations(raw('{"operationName":"A"}'))).toEqual([{ operationName: 'A' }]);
  });

  it.each([
    ['no JSON', raw('{"variables":')],
    ['no utf-8', raw(new Uint8Array([0x7b, 0xff, 0x7d]))],
    // JSON but for one byte that is no UTF-8, inside a string: still no body anyone may read.
    [
      'JSON with a byte that is no utf-8',
      raw(
        new Uint8Array([
          ...Buffer.from('{"variables":{"pin":"10503199012345","note":"'),
          0xff,
          ...Buffer.from('"}}'),
        ]),
      ),
    ],
    ['no body and no query string', { body: undefined, query: {} }],
    ['a JSON scalar', raw('"10503199012345"')],
  ])('finds no operation in %s', (_label, req) => {
    expect(requestedOperations(req)).toEqual([]);
  });

  it('reads the query string beside the body, parsing only variables and extensions', () => {
    expect(
      requestedOperations({
        body: { operationName: 'Posted' },
        query: { query: '{ a }', variables: '{"a":1}', extensions: 'no json', id: 'x' },
      }),
    ).toEqual([
      { operationName: 'Posted' },
      {
        query: '{ a }',
        id: 'x',
        operationName: undefined,
        variables: { a: 1 },
        extensions: undefined,
      },
    ]);
  });
});

describe('requestedOperations, a query string the parser made objects of', () => {
  it('keeps a parameter that is already an object as it is', () => {
    expect(
      requestedOperations({
        body: undefined,
        query: { variables: { pin: '10503199012345' }, extensions: ['{"a":1}', { b: '2' }] },
      }),
    ).toEqual([
      {
        query: undefined,
        id: undefined,
        operationName: undefined,
        variables: { pin: '10503199012345' },
        extensions: [{ a: 1 }, { b: '2' }],
      },
    ]);
  });
});

describe('createPartnerErrorAuditor', () => {
  async function failWith(error: unknown, caller: Caller | undefined) {
    const refusals: OperationRefusal[] = [];
    const auditor = createPartnerErrorAuditor({
      manifests: new Map([['RU-SFR', manifest]]),
      log: { error: () => undefined } as unknown as Logger,
      audit: async (refusal) => {
        refusals.push(refusal);
      },
    });
    const req = {
      method: 'POST',
      body: Buffer.from('{"variables":{"pin":"10503199012345"}}'),
      query: {},
      headers: {},
    } as unknown as Request;
    const res = { locals: { caller, requestId: 'r-9' } } as unknown as Response;
    const passed: unknown[] = [];
    await auditor(error, req, res, ((e: unknown) => passed.push(e)) as NextFunction);
    return { refusals, passed };
  }
  const tooLarge = Object.assign(new Error('too large'), {
    status: 413,
    type: 'entity.too.large',
  });

  it("audits a partner's request the body parser refused, then passes the error on", async () => {
    const { refusals, passed } = await failWith(tooLarge, PARTNER);
    expect(refusals.map((r) => r.pins)).toEqual([['10503199012345']]);
    expect(passed).toEqual([tooLarge]);
  });

  it.each<[string, unknown, Caller | undefined]>([
    ['a server error', new Error('socket hang up'), PARTNER],
    ['an error of status 503', Object.assign(new Error('unavailable'), { status: 503 }), PARTNER],
    ["an agency's request", tooLarge, { sub: 'o', roles: ['PENSION_OFFICER'] }],
    ['a request without a caller', tooLarge, undefined],
  ])('does not audit %s, and passes the error on', async (_case, error, caller) => {
    const { refusals, passed } = await failWith(error, caller);
    expect(refusals).toEqual([]);
    expect(passed).toEqual([error]);
  });
});

describe('pinsIn, bounded', () => {
  const pinOfDay = (day: number) => `1${String(day).padStart(2, '0')}01199000000`;

  it('stops at 20 PINs', () => {
    const pins = Array.from({ length: 25 }, (_, i) => pinOfDay(i + 1));
    expect(pinsIn(pins)).toEqual(pins.slice(0, 20));
    expect(pinsIn(pins.slice(0, 20))).toHaveLength(20);
  });

  it('adds nothing to a set that holds 20 already, and answers with those 20', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => pinOfDay(i + 1));
    expect(pinsIn(pinOfDay(21), new Set(twenty))).toEqual(twenty);
    expect(pinsIn([pinOfDay(21)], new Set(twenty.slice(1)))).toEqual([
      ...twenty.slice(1),
      pinOfDay(21),
    ]);
  });

  it('looks six levels deep and no deeper, in arrays and objects', () => {
    const nest = (value: unknown, levels: number, wrap: (v: unknown) => unknown) =>
      Array.from({ length: levels }).reduce<unknown>((inner) => wrap(inner), value);
    const pin = '10503199012345';
    expect(pinsIn(nest(pin, 6, (v) => [v]))).toEqual([pin]);
    expect(pinsIn(nest(pin, 7, (v) => [v]))).toEqual([]);
    expect(pinsIn(nest(pin, 6, (v) => ({ v })))).toEqual([pin]);
    expect(pinsIn(nest(pin, 7, (v) => ({ v })))).toEqual([]);
  });

  it.each([null, undefined, 7, true])('finds none in %p', (value) => {
    expect(pinsIn(value)).toEqual([]);
  });
});

describe('createRefusalAuditor, the request it sends', () => {
  const REFUSAL: OperationRefusal = {
    caller: PARTNER,
    requestId: 'r-2',
    callerRequestId: null,
    purpose: null,
    authorization: 'Bearer t',
    operationId: HEX,
    operationName: 'Named',
    pins: ['10503199012345'],
  };

  it('POSTs JSON, with no purpose header when the request declared none', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const audit = createRefusalAuditor({
      subgraphUrl: () => 'http://127.0.0.1:4004/graphql',
      signingKeys: [{ id: 'gateway-tests', secret: 'gateway-tests-signing-secret-000000000' }],
      fetchImpl: (async (url: URL, init: RequestInit) => {
        calls.push({ url: String(url), init });
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    await audit(REFUSAL);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.method).toBe('POST');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    expect(headers).not.toHaveProperty('x-purpose');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      operationId: HEX,
      operationName: 'Named',
      pins: ['10503199012345'],
    });
  });

  it("sends the refusal's trace context, signed with the rest", async () => {
    const calls: RequestInit[] = [];
    const audit = createRefusalAuditor({
      subgraphUrl: () => 'http://127.0.0.1:4004/graphql',
      signingKeys: [{ id: 'gateway-tests', secret: 'gateway-tests-signing-secret-000000000' }],
      fetchImpl: (async (_url: URL, init: RequestInit) => {
        calls.push(init);
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      const traced = trace.setSpanContext(context.active(), {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: TraceFlags.SAMPLED,
      });
      await context.with(traced, () => audit(REFUSAL));
    } finally {
      context.disable();
      propagation.disable();
    }
    const headers = calls[0]!.headers as Record<string, string>;
    expect(headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(headers[SIGNATURE_HEADERS.signedHeaders]!.split(';')).toContain('traceparent');
  });

  it('fails before sending while the pensions subgraph URL is unknown', async () => {
    let sent = false;
    const audit = createRefusalAuditor({
      subgraphUrl: () => undefined,
      signingKeys: [{ id: 'gateway-tests', secret: 'gateway-tests-signing-secret-000000000' }],
      fetchImpl: (async () => {
        sent = true;
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    await expect(audit(REFUSAL)).rejects.toThrow('the pensions subgraph URL is not known yet');
    expect(sent).toBe(false);
  });
});

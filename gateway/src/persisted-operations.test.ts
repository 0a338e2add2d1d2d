import express, { type NextFunction, type Request, type Response } from 'express';
import {
  createJsonErrorHandler,
  createLogger,
  createSignatureVerifier,
  listen,
  parseJsonBody,
  readRawBody,
  type Caller,
  type RunningServer,
} from '@jol/kernel';
import { buildManifest, readOperations } from './partner-operations/manifest';
import {
  createPartnerErrorAuditor,
  createPersistedOperationsGate,
  createRefusalAuditor,
  OPERATION_NOT_REGISTERED,
  pinsIn,
  type OperationRefusal,
} from './persisted-operations';

const operations = readOperations();
const op = (name: string) => operations.get(name)!;
const manifests = new Map([
  ['RU-SFR', buildManifest(['ReadKyrgyzPeriods', 'SubmitPeriods'], operations)],
  ['KZ-ENPF', buildManifest(['ReadDecisions'], operations)],
]);

const CALLERS: Record<string, Caller> = {
  ru: { sub: 'sfr', roles: ['PARTNER'], partner: 'RU-SFR' },
  enpf: { sub: 'enpf', roles: ['PARTNER'], partner: 'KZ-ENPF' },
  bare: { sub: 'nobody', roles: ['PARTNER'] },
  officer: { sub: 'officer', roles: ['PENSION_OFFICER'] },
};

describe('the persisted operations gate', () => {
  let running: RunningServer;
  const refusals: OperationRefusal[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(
      '/graphql',
      (req, res, next) => {
        res.locals.caller = CALLERS[String(req.headers['x-test-caller'])];
        next();
      },
      express.json(),
      createPersistedOperationsGate({
        manifests,
        log: createLogger('test', 'silent'),
        audit: async (refusal) => {
          refusals.push(refusal);
        },
      }),
      (req, res) => {
        res.json({ forwarded: req.body ?? null });
      },
    );
    running = await listen(app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
  });

  const send = async (caller: string, body: unknown, method = 'POST') => {
    const response = await fetch(`${running.url}/graphql`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-test-caller': caller,
        authorization: 'Bearer t',
        'x-purpose': 'PENSION_EXCHANGE',
      },
      ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as {
      forwarded?: Record<string, unknown> & { operationName?: string };
      errors: { message: string; extensions: { code: string } }[];
    };
    return { status: response.status, body: json };
  };

  it('replaces a registered id (APQ extension) by the registered document, keeping the variables', async () => {
    const { status, body } = await send('ru', {
      operationName: 'Whatever',
      variables: { caseId: 'c1' },
      extensions: { persistedQuery: { version: 1, sha256Hash: op('ReadKyrgyzPeriods').id } },
    });
    expect(status).toBe(200);
    expect(body.forwarded).toEqual({
      query: op('ReadKyrgyzPeriods').body,
      operationName: 'ReadKyrgyzPeriods',
      variables: { caseId: 'c1' },
    });
  });

  it('accepts the id as a top-level id too', async () => {
    const { body } = await send('ru', { id: op('SubmitPeriods').id, variables: { input: {} } });
    expect(body.forwarded?.operationName).toBe('SubmitPeriods');
  });

  it.each([
    ['a free-form query', 'ru', { query: '{ pensionPartners { code } }' }, /may not send a query/],
    [
      'a query with a registered id',
      'ru',
      {
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: op('SubmitPeriods').id } },
      },
      /may not send a query/,
    ],
    ['no id', 'ru', { variables: {} }, /Send the id/],
    ['an unknown id', 'ru', { id: 'f'.repeat(64) }, /not registered for RU-SFR/],
    [
      'an id registered for another partner',
      'enpf',
      { id: op('SubmitPeriods').id },
      /not registered for KZ-ENPF/,
    ],
    [
      'a token without a partner claim',
      'bare',
      { id: op('SubmitPeriods').id },
      /without a partner claim/,
    ],
    ['a batch', 'ru', [{ id: op('SubmitPeriods').id }], /Send the id/],
  ])(
    'refuses %s with 403 OPERATION_NOT_REGISTERED and audits it',
    async (_why, caller, payload, message) => {
      refusals.length = 0;
      const { status, body } = await send(caller, payload);
      expect(status).toBe(403);
      expect(body.errors[0].extensions.code).toBe(OPERATION_NOT_REGISTERED);
      expect(body.errors[0].message).toMatch(message);
      expect(body.forwarded).toBeUndefined();
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({
        caller: CALLERS[caller],
        purpose: 'PENSION_EXCHANGE',
        authorization: 'Bearer t',
      });
    },
  );

  it('refuses a GET from a partner', async () => {
    const { status, body } = await send('ru', undefined, 'GET');
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe(OPERATION_NOT_REGISTERED);
  });

  it('records the id asked for and the PINs among the variables', async () => {
    refusals.length = 0;
    await send('enpf', {
      id: op('SubmitPeriods').id,
      operationName: 'SubmitPeriods',
      variables: { input: { pin: '10101199000011', periods: [{ note: '20202199000022' }] } },
    });
    expect(refusals[0]).toMatchObject({
      operationId: op('SubmitPeriods').id,
      operationName: 'SubmitPeriods',
      pins: ['10101199000011', '20202199000022'],
    });
  });

  it("records a free-form query's own operation name, and no name that is not a GraphQL name", async () => {
    refusals.length = 0;
    await send('ru', {
      query: 'query Peek($pin: PIN!) { x(pin: $pin) }',
      variables: { pin: '10101199000011' },
    });
    await send('ru', { query: '{ x }', operationName: 'not a name' });
    expect(refusals.map((r) => [r.operationId, r.operationName, r.pins])).toEqual([
      [null, 'Peek', ['10101199000011']],
      [null, null, []],
    ]);
  });

  it('lets agency roles through untouched, free-form queries included', async () => {
    const payload = { query: '{ __typename }', variables: { a: 1 } };
    const { status, body } = await send('officer', payload);
    expect(status).toBe(200);
    expect(body.forwarded).toEqual(payload);
  });
});

describe('the refused partner requests the gateway cannot plan, behind its own body parsers', () => {
  let running: RunningServer;
  const refusals: OperationRefusal[] = [];
  const PIN = '21712197565911';

  beforeAll(async () => {
    const options = {
      manifests,
      log: createLogger('test', 'silent'),
      audit: async (refusal: OperationRefusal) => {
        refusals.push(refusal);
      },
    };
    const app = express();
    app.use(
      '/graphql',
      (_req: Request, res: Response, next: NextFunction) => {
        res.locals.caller = CALLERS.ru;
        next();
      },
      readRawBody({ limit: '100kb', inflate: true }),
      parseJsonBody,
      createPersistedOperationsGate(options),
      (_req: Request, res: Response) => {
        res.json({ forwarded: true });
      },
      createPartnerErrorAuditor(options),
    );
    app.use(createJsonErrorHandler(options.log));
    running = await listen(app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    refusals.length = 0;
  });

  const registered = {
    operationName: 'SubmitPeriods',
    variables: { input: { pin: PIN } },
    extensions: { persistedQuery: { version: 1, sha256Hash: op('SubmitPeriods').id } },
  };

  it('names the persons of a batch (a JSON array), refused 400 by the parser', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([registered, { variables: { pin: '10101199000011' } }]),
    });
    expect(response.status).toBe(400);
    expect(refusals).toEqual([
      expect.objectContaining({
        operationId: op('SubmitPeriods').id,
        operationName: 'SubmitPeriods',
        pins: [PIN, '10101199000011'],
      }),
    ]);
  });

  it('names the persons of a body sent as another media type, refused 415', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(registered),
    });
    expect(response.status).toBe(415);
    expect(refusals).toEqual([expect.objectContaining({ pins: [PIN] })]);
  });

  it('names the persons of a GET, refused 403', async () => {
    const url = new URL(`${running.url}/graphql`);
    url.searchParams.set('operationName', registered.operationName);
    url.searchParams.set('variables', JSON.stringify(registered.variables));
    url.searchParams.set('extensions', JSON.stringify(registered.extensions));
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(refusals).toEqual([
      expect.objectContaining({
        operationId: op('SubmitPeriods').id,
        operationName: 'SubmitPeriods',
        pins: [PIN],
      }),
    ]);
  });

  it('audits a GET whose variables are not JSON, naming no one', async () => {
    const response = await fetch(`${running.url}/graphql?variables=%7B%22pin%22%3A`);
    expect(response.status).toBe(403);
    expect(refusals).toEqual([expect.objectContaining({ operationId: null, pins: [] })]);
  });
});

describe('pinsIn', () => {
  it('finds valid PINs at any depth, once, and ignores other digits', () => {
    expect(
      pinsIn({
        a: ['10101199000011', { b: '10101199000011' }],
        c: '12345678901234',
        d: 10101199000011,
      }),
    ).toEqual(['10101199000011']);
  });
});

describe('createRefusalAuditor', () => {
  const KEYS = [{ id: 'gateway-tests', secret: 'gateway-tests-signing-secret-000000000' }] as const;

  it('posts a signed report to the pensions subgraph with the caller token, request id and the caller-chosen id as a label', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const audit = createRefusalAuditor({
      subgraphUrl: () => 'http://127.0.0.1:4004/graphql',
      signingKeys: KEYS,
      fetchImpl: (async (url: URL, init: RequestInit) => {
        calls.push({ url: String(url), init });
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    await audit({
      caller: CALLERS.ru!,
      requestId: 'r-1',
      callerRequestId: 'partner-label-1',
      purpose: 'PENSION_EXCHANGE',
      authorization: 'Bearer t',
      operationId: null,
      operationName: null,
      pins: [],
    });
    expect(calls[0]!.url).toBe('http://127.0.0.1:4004/audit/refusals');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      authorization: 'Bearer t',
      'x-request-id': 'r-1',
      'x-caller-request-id': 'partner-label-1',
      'x-purpose': 'PENSION_EXCHANGE',
    });
    const verify = createSignatureVerifier({
      audience: 'pensions',
      keys: KEYS,
      nonces: { claim: async () => true },
    });
    expect(
      await verify({
        method: 'POST',
        path: '/audit/refusals',
        body: String(calls[0]!.init.body),
        headers,
      }),
    ).toEqual({ ok: true, keyId: 'gateway-tests' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      operationId: null,
      operationName: null,
      pins: [],
    });
  });

  it('gives up on a hung pensions subgraph at its timeout, so the refusal is not held', async () => {
    const audit = createRefusalAuditor({
      subgraphUrl: () => 'http://127.0.0.1:4004/graphql',
      signingKeys: KEYS,
      timeoutMs: 100,
      // Never answers: only the request's own signal can end it.
      fetchImpl: ((_url: URL, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        )) as unknown as typeof fetch,
    });
    const started = Date.now();
    await expect(
      audit({
        caller: CALLERS.ru!,
        requestId: '',
        callerRequestId: null,
        purpose: null,
        authorization: '',
        operationId: null,
        operationName: null,
        pins: [],
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails when the subgraph refuses the report, so the gateway logs it', async () => {
    const audit = createRefusalAuditor({
      subgraphUrl: () => 'http://127.0.0.1:4004/graphql',
      signingKeys: KEYS,
      fetchImpl: (async () => new Response(null, { status: 401 })) as unknown as typeof fetch,
    });
    await expect(
      audit({
        caller: CALLERS.ru!,
        requestId: '',
        callerRequestId: null,
        purpose: null,
        authorization: '',
        operationId: null,
        operationName: null,
        pins: [],
      }),
    ).rejects.toThrow(/401/);
  });
});

import { ApolloServer } from '@apollo/server';
import express from 'express';
import {
  createAccessLog,
  createJsonErrorHandler,
  listen,
  readRawBody,
  type Caller,
  type Logger,
  type RunningServer,
} from '@jol/kernel';
import { createAuthMiddleware } from './auth';
import { createRateLimits } from './isolation/rate-limits';
import { DEFAULT_ISOLATION } from './isolation/settings';
import {
  createCallerRefusal,
  refusedOperationAudit,
  type OperationRefusal,
} from './persisted-operations';

/**
 * The refusals a verified caller meets before the persisted-operations gate, mounted as the
 * gateway mounts them: the access line names the caller, and a partner's refusal is audited with
 * the persons its request named, whatever the reason.
 */

const PIN = '10503199012345';
const CALLERS: Record<string, Caller> = {
  partner: { sub: 'sfr-system', roles: ['PARTNER'], partner: 'RU-SFR' },
  officer: { sub: 'officer-7', roles: ['MIGRATION_OFFICER'], agency: 'migration' },
};

describe('refusals of a verified caller before the gate', () => {
  let running: RunningServer;
  const refusals: OperationRefusal[] = [];
  const lines: Record<string, unknown>[] = [];
  const log = {
    info: () => undefined,
    error: () => undefined,
    warn: (entry: Record<string, unknown>) => lines.push(entry),
  } as unknown as Logger;

  beforeAll(async () => {
    const refuseCaller = createCallerRefusal({
      manifests: new Map(),
      log,
      audit: async (refusal) => {
        refusals.push(refusal);
      },
      readBody: readRawBody({ limit: '1kb', inflate: true }),
    });
    const rateLimits = createRateLimits(
      {
        windowSeconds: 60,
        limits: { ...DEFAULT_ISOLATION.rateLimits.limits, PARTNER: 2, MIGRATION_OFFICER: 2 },
      },
      {},
      refuseCaller,
    );
    const app = express();
    app.use(createAccessLog(log, { assignRequestId: () => 'req-1' }));
    app.post(
      '/graphql',
      rateLimits.beforeAuth,
      createAuthMiddleware(async (token) => CALLERS[token]!, refuseCaller),
      rateLimits.afterAuth,
      (_req, res) => {
        res.json({ data: { ok: true } });
      },
    );
    app.use(createJsonErrorHandler(log));
    running = await listen(app, 0);
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    refusals.length = 0;
    lines.length = 0;
  });

  const send = async (who: string, purpose: string, body = { variables: { pin: PIN } }) => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${who}`,
        'content-type': 'application/json',
        'x-purpose': purpose,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
    // The access line is written once the answer has finished.
    await new Promise((resolve) => setImmediate(resolve));
    return { status: response.status, code: json.errors?.[0]?.extensions.code };
  };

  it.each([
    ['a purpose no register declares', 'NOT_A_PURPOSE', null],
    ['a purpose its roles may not declare', 'SELF_SERVICE', 'SELF_SERVICE'],
  ])(
    "audits a partner's refusal for %s, with the PINs of its body",
    async (_what, purpose, kept) => {
      expect(await send('partner', purpose)).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(refusals).toEqual([
        expect.objectContaining({
          caller: CALLERS.partner,
          requestId: 'req-1',
          purpose: kept,
          pins: [PIN],
          operationId: null,
        }),
      ]);
      expect(lines).toEqual([
        expect.objectContaining({ status: 403, sub: 'sfr-system', roles: ['PARTNER'] }),
      ]);
    },
  );

  it("names an officer refused for its purpose in the access line, and audits no officer's refusal", async () => {
    expect(await send('officer', 'PENSION_EXCHANGE')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(refusals).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        status: 403,
        sub: 'officer-7',
        roles: ['MIGRATION_OFFICER'],
        errorCodes: ['FORBIDDEN'],
      }),
    ]);
  });

  it("audits a partner's first rate-limit refusal of a window, with the PINs of its body", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('partner', 'PENSION_EXCHANGE')).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    // One audit write a window, however many requests are refused in it.
    expect(refusals).toEqual([
      expect.objectContaining({
        caller: CALLERS.partner,
        purpose: 'PENSION_EXCHANGE',
        pins: [PIN],
      }),
    ]);
  });
});

describe('refusedOperationAudit', () => {
  const server = new ApolloServer<{ refused?: () => Promise<void> }>({
    typeDefs: 'type Query { person(pin: String!): String }',
    resolvers: { Query: { person: () => null } },
    plugins: [refusedOperationAudit()],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const run = async (query: string, variables: Record<string, unknown>) => {
    let refused = 0;
    await server.executeOperation(
      { query, variables },
      {
        contextValue: {
          refused: async () => {
            refused += 1;
          },
        },
      },
    );
    return refused;
  };

  it.each([
    ['a document that does not validate', 'query Q { nothing }', {}],
    ['variables that do not coerce', 'query Q($pin: String!) { person(pin: $pin) }', { pin: 7 }],
  ])('reports %s, which ran nothing, as refused', async (_what, query, variables) => {
    expect(await run(query, variables)).toBe(1);
  });

  it('reports nothing for an operation that ran, errors or not', async () => {
    expect(await run('query Q($pin: String!) { person(pin: $pin) }', { pin: PIN })).toBe(0);
  });
});

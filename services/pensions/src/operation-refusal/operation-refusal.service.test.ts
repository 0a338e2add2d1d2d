import type { Connection } from 'mongoose';
import { REFUSAL_AUDIT_PATH } from '@jol/schema';
import { signRequest, unauthenticated, type RunningServer } from '@jol/kernel';
import {
  dropTestDatabase,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
} from '@jol/testkit/service';
import { createPensionsServer } from '../server';
import { parseRefusalReport } from './operation-refusal.route';

const KEYS = [{ id: 'refusal-tests', secret: 'operation-refusal-tests-secret-000000000' }] as const;
const ID = 'a'.repeat(64);

describe('pensions: audit of refused partner operations', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;
  let running: RunningServer;

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({
      connection,
      log: quietLogger(),
      access: {
        signingKeys: KEYS,
        verifyToken: async (token) => {
          if (token !== 'partner-token') throw unauthenticated('The token is not valid');
          return { sub: 'sfr-gateway', roles: ['PARTNER'], agency: 'partner', partner: 'RU-SFR' };
        },
      },
    });
    await prepareTestDatabase(connection);
    running = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  const post = (
    body: unknown,
    options: { sign?: boolean; token?: string | null; requestId: string; tamper?: boolean },
  ) => {
    const text = JSON.stringify(body);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(options.token === null
        ? {}
        : { authorization: `Bearer ${options.token ?? 'partner-token'}` }),
      'x-request-id': options.requestId,
      'x-purpose': 'PENSION_EXCHANGE',
    };
    if (options.sign !== false)
      Object.assign(
        headers,
        signRequest(KEYS, {
          target: 'pensions',
          method: 'POST',
          path: REFUSAL_AUDIT_PATH,
          body: text,
          headers,
        }),
      );
    return fetch(`${running.url}${REFUSAL_AUDIT_PATH}`, {
      method: 'POST',
      headers,
      body: options.tamper ? text.replace(ID, 'b'.repeat(64)) : text,
    });
  };
  const events = (requestId: string) =>
    connection.collection('audit_events').find({ requestId }).toArray();

  it('appends a DENIED event for a signed report, with the caller of the verified token', async () => {
    const response = await post(
      { operationId: ID, operationName: 'StealPeriods', pins: ['10101199000011', 'not-a-pin'] },
      { requestId: 'refusal-1' },
    );
    expect(response.status).toBe(204);
    expect(await events('refusal-1')).toEqual([
      expect.objectContaining({
        service: 'pensions',
        sub: 'sfr-gateway',
        roles: ['PARTNER'],
        purpose: 'PENSION_EXCHANGE',
        callerOperationName: 'StealPeriods',
        callerOperationId: ID,
        served: [],
        refused: ['Gateway.persistedOperation'],
        pins: ['10101199000011'],
        outcome: 'DENIED',
      }),
    ]);
  });

  it('records a free-form query as such', async () => {
    expect(
      (await post({ operationId: null, operationName: null, pins: [] }, { requestId: 'refusal-2' }))
        .status,
    ).toBe(204);
    expect(await events('refusal-2')).toEqual([
      expect.objectContaining({
        callerOperationName: null,
        callerOperationId: null,
        pins: [],
      }),
    ]);
  });

  it.each([
    ['an unsigned report', { sign: false }, 401],
    ['a report changed after signing', { tamper: true }, 401],
    ['a report with a bad token', { token: 'forged' }, 401],
    // /graphql serves an anonymous request (its rules refuse it); a report needs a caller.
    ['a signed report without a token', { token: null }, 401],
  ])('refuses %s and records nothing', async (_why, options, status) => {
    const requestId = `refusal-refused-${status}-${Object.keys(options)[0]}`;
    const response = await post(
      { operationId: ID, operationName: null, pins: [] },
      { requestId, ...options },
    );
    expect(response.status).toBe(status);
    expect(await events(requestId)).toEqual([]);
  });

  it('refuses a malformed report as 400', async () => {
    const response = await post(
      { operationId: 'not-hex', operationName: null, pins: [] },
      { requestId: 'refusal-bad' },
    );
    expect(response.status).toBe(400);
    expect(await events('refusal-bad')).toEqual([]);
  });
});

describe('parseRefusalReport', () => {
  it('keeps valid PINs once, sorted, and refuses other shapes', () => {
    expect(
      parseRefusalReport({
        operationId: null,
        operationName: 'X',
        pins: ['20202199000022', '10101199000011', '10101199000011'],
      }),
    ).toEqual({
      operationId: null,
      operationName: 'X',
      pins: ['10101199000011', '20202199000022'],
    });
    expect(parseRefusalReport(null)).toBeNull();
    expect(
      parseRefusalReport({ operationId: null, operationName: 'bad name', pins: [] }),
    ).toBeNull();
    expect(parseRefusalReport({ operationId: null, operationName: null, pins: 'x' })).toBeNull();
  });
});

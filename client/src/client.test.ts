import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { JolClient, JolError, operationTypeOf, retryAfterMs } from './client';
import { MigrationRecordDocument, RegisterDepartureDocument } from './generated/graphql';

/** One scripted answer of the local server: status, body, headers; or drop the connection. */
type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { drop: true }
  | { hang: true };

interface Received {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** A server on 127.0.0.1 answering each request with the next scripted answer. */
async function scriptedServer(script: Scripted[]) {
  const received: Received[] = [];
  const hung: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
      const next = script[Math.min(received.length - 1, script.length - 1)]!;
      if ('drop' in next) {
        req.socket.destroy();
        return;
      }
      if ('hang' in next) {
        hung.push(res);
        return;
      }
      res.writeHead(next.status, {
        'content-type': 'application/json',
        'x-request-id': `jol-${received.length}`,
        ...next.headers,
      });
      res.end(next.body === undefined ? '' : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const PIN = '10104196849287';
const PERSON = { data: { person: { pin: PIN } } };
const missing = (code: string) => ({
  data: { person: { pin: PIN, episodes: null } },
  errors: [{ message: 'part missing', path: ['person', 'episodes'], extensions: { code } }],
});

describe('JolClient', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const clientFor = (
    url: string,
    extra: Partial<ConstructorParameters<typeof JolClient>[0]> = {},
  ) =>
    new JolClient({
      url,
      token: 'token-1',
      purpose: 'MIGRATION_REGISTRATION',
      retryBaseMs: 1,
      retryMaxMs: 50,
      timeoutMs: 2_000,
      random: () => 0.5,
      ...extra,
    });

  it('sends the token, the purpose and its own request id, and types the answer', async () => {
    server = await scriptedServer([{ status: 200, body: PERSON }]);
    const result = await clientFor(server.url).request(
      MigrationRecordDocument,
      { pin: PIN },
      { callerRequestId: 'my-system-42' },
    );
    expect(result.data.person?.pin).toBe(PIN);
    expect(result).toMatchObject({ requestId: 'jol-1', callerRequestId: 'my-system-42' });
    const [sent] = server.received;
    expect(sent!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-purpose': 'MIGRATION_REGISTRATION',
      'x-request-id': 'my-system-42',
    });
    expect(sent!.body).toMatchObject({ operationName: 'MigrationRecord', variables: { pin: PIN } });
  });

  it.each([
    ['a dropped connection', { drop: true } as Scripted],
    ['502', { status: 502, body: { errors: [{ message: 'bad gateway' }] } } as Scripted],
    ['503', { status: 503 } as Scripted],
    ['504', { status: 504 } as Scripted],
    ['SUBGRAPH_UNAVAILABLE', { status: 200, body: missing('SUBGRAPH_UNAVAILABLE') } as Scripted],
    ['SUBGRAPH_TIMEOUT', { status: 200, body: missing('SUBGRAPH_TIMEOUT') } as Scripted],
    ['SUBGRAPH_CIRCUIT_OPEN', { status: 200, body: missing('SUBGRAPH_CIRCUIT_OPEN') } as Scripted],
    ['429', { status: 429, headers: { 'retry-after': '0' } } as Scripted],
  ])('sends a query again after %s, with the same request id', async (_what, failure) => {
    server = await scriptedServer([failure, { status: 200, body: PERSON }]);
    const result = await clientFor(server.url).request(MigrationRecordDocument, { pin: PIN });
    expect(result.attempts).toBe(2);
    expect(result.errors).toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.headers['x-request-id']).toBe(
      server.received[0]!.headers['x-request-id'],
    );
  });

  it('sends a query again after an attempt that timed out', async () => {
    server = await scriptedServer([{ hang: true }, { status: 200, body: PERSON }]);
    const result = await clientFor(server.url, { timeoutMs: 300 }).request(
      MigrationRecordDocument,
      { pin: PIN },
    );
    expect(result.attempts).toBe(2);
  });

  it('gives up after maxAttempts, returning the last partial answer', async () => {
    server = await scriptedServer([{ status: 200, body: missing('SUBGRAPH_TIMEOUT') }]);
    const result = await clientFor(server.url, { maxAttempts: 3 }).request(
      MigrationRecordDocument,
      { pin: PIN },
    );
    expect(server.received).toHaveLength(3);
    expect(result.errors.map((e) => e.extensions.code)).toEqual(['SUBGRAPH_TIMEOUT']);
  });

  it('throws a typed error after maxAttempts of 503', async () => {
    server = await scriptedServer([
      {
        status: 503,
        body: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      },
    ]);
    const failure = await clientFor(server.url, { maxAttempts: 2 })
      .request(MigrationRecordDocument, { pin: PIN })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JolError);
    expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, attempts: 2 });
    expect(server.received).toHaveLength(2);
  });

  it.each([
    ['a dropped connection', { drop: true } as Scripted, 'NETWORK_ERROR'],
    ['503', { status: 503 } as Scripted, 'UNKNOWN'],
    [
      'SUBGRAPH_UNAVAILABLE',
      {
        status: 200,
        body: {
          data: null,
          errors: [{ message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
        },
      } as Scripted,
      'SUBGRAPH_UNAVAILABLE',
    ],
    ['429', { status: 429, headers: { 'retry-after': '0' } } as Scripted, 'RATE_LIMITED'],
  ])('never sends a mutation twice, even after %s', async (_what, failure, code) => {
    server = await scriptedServer([failure, { status: 200, body: { data: {} } }]);
    const failed = await clientFor(server.url)
      .request(RegisterDepartureDocument, {
        input: { pin: PIN, departedOn: '2025-03-01', country: 'KZ', purpose: 'WORK' },
      })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(JolError);
    expect((failed as JolError).code).toBe(code);
    expect(server.received).toHaveLength(1);
  });

  it('tells a mutation by its syntax tree, not its text', async () => {
    // A query whose text says "mutation" everywhere, and a mutation that hides the word.
    const query = parse(
      '# mutation\nquery mutation($mutation: PIN!) { person(pin: $mutation) { pin } }',
    ) as TypedDocumentNode<unknown, { mutation: string }>;
    const mutation = parse(
      '  \n mutation Register($input: RegisterDepartureInput!) { registerDeparture(input: $input) { id } }',
    ) as TypedDocumentNode<unknown, { input: unknown }>;
    expect(operationTypeOf(query)).toBe('query');
    expect(operationTypeOf(mutation)).toBe('mutation');

    server = await scriptedServer([{ status: 503 }, { status: 200, body: PERSON }]);
    await expect(clientFor(server.url).request(query, { mutation: PIN })).resolves.toMatchObject({
      attempts: 2,
    });
    await server.close();
    server = await scriptedServer([{ status: 503 }, { status: 200, body: { data: {} } }]);
    await expect(clientFor(server.url).request(mutation, { input: {} })).rejects.toBeInstanceOf(
      JolError,
    );
    expect(server.received).toHaveLength(1);
  });

  it('does not retry a refusal or bad input', async () => {
    server = await scriptedServer([
      {
        status: 200,
        body: { data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    await expect(
      clientFor(server.url).request(MigrationRecordDocument, { pin: PIN }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('waits as long as Retry-After asks (capped at retryMaxMs)', async () => {
    server = await scriptedServer([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 200, body: PERSON },
    ]);
    const waits: number[] = [];
    const realSetTimeout = global.setTimeout;
    const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms?: number,
    ) => {
      waits.push(ms ?? 0);
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    try {
      await clientFor(server.url, { retryMaxMs: 4_000 }).request(MigrationRecordDocument, {
        pin: PIN,
      });
    } finally {
      spy.mockRestore();
    }
    expect(waits).toContain(1_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:02 GMT', now)).toBe(2_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('asks a token function before every attempt', async () => {
    server = await scriptedServer([{ status: 503 }, { status: 200, body: PERSON }]);
    let n = 0;
    await clientFor(server.url, { token: () => `token-${++n}` }).request(MigrationRecordDocument, {
      pin: PIN,
    });
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });
});

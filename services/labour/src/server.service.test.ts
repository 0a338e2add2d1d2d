import type { Connection } from 'mongoose';
import { signRequest, type RunningServer, type SigningKeys } from '@jol/kernel';
import {
  dropTestDatabase,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
} from '@jol/testkit/service';
import { createLabourServer } from './server';

const KEYS: SigningKeys = [
  { id: 'labour-http', secret: 'labour-http-tests-signing-secret-0000000' },
];

/** The labour subgraph over HTTP: the gateway's signature is checked before anything else runs. */
describe('labour: signed requests over HTTP', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;
  let running: RunningServer;

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({
      connection,
      log: quietLogger(),
      access: {
        signingKeys: KEYS,
        verifyToken: async () => {
          throw new Error('these requests carry no token');
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

  const signedTypename = (requestId: string) => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const headers = { 'content-type': 'application/json', 'x-request-id': requestId };
    const signature = signRequest(KEYS, {
      target: 'labour',
      method: 'POST',
      path: '/graphql',
      body,
      headers,
    });
    return { method: 'POST', headers: { ...headers, ...signature }, body };
  };

  it('answers a signed request once and refuses its replay with 401', async () => {
    const request = signedTypename('labour-http-1');
    const first = await fetch(`${running.url}/graphql`, request);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { __typename: 'Query' } });
    const replay = await fetch(`${running.url}/graphql`, request);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({
      errors: [
        {
          message: 'Requests must come through the gateway',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    expect(await connection.collection('signature_nonces').countDocuments()).toBe(1);
  });

  it('answers 503 in JSON, not 401 or a page, when the nonce store cannot be reached', async () => {
    const request = signedTypename('labour-http-2');
    await connection.close();
    try {
      const response = await fetch(`${running.url}/graphql`, request);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Signed requests cannot be checked right now; try again',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
    } finally {
      await connection.openUri(process.env.MONGODB_URI!, { dbName: connection.name });
    }
  });
});

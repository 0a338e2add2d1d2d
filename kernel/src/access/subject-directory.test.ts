import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { gatewaySubjectDirectory, subjectDirectoryFromEnv } from './subject-directory';

/** What the fake gateway received, and how it answers: a real HTTP server on a free port. */
interface Exchange {
  headers: IncomingMessage['headers'];
  body: { query: string; variables: Record<string, string> };
}

async function startGateway(
  answer: (exchange: Exchange) => { status: number; body: unknown } | 'hang',
): Promise<{ url: string; received: Exchange[]; close(): Promise<void> }> {
  const received: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const exchange = { headers: req.headers, body: JSON.parse(text) as Exchange['body'] };
      received.push(exchange);
      const reply = answer(exchange);
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const HEADERS = {
  authorization: 'Bearer caller-token',
  'x-purpose': 'MEDICAL_CARE',
  'x-request-id': 'req-1',
};

describe('gatewaySubjectDirectory', () => {
  it('asks once per request for every PIN, as the caller, and reads each alias', async () => {
    const gateway = await startGateway(({ body }) => {
      const { p0, p1, p2 } = body.variables;
      expect([p0, p1, p2]).toEqual(['10101199000011', '20202199000022', '10303199000033']);
      return {
        status: 200,
        body: {
          data: { s0: { homeRegion: 'KG-O', birthDate: '1968-03-01' }, s1: null, s2: null },
          errors: [{ message: 'Outside your region: Query.person', path: ['s2'] }],
        },
      };
    });
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
        headers: HEADERS,
        loaders: {},
      });
      const answers = await Promise.all([
        directory.find('10101199000011'),
        directory.find('20202199000022'),
        directory.find('10303199000033'),
        directory.find('10101199000011'),
      ]);
      expect(answers).toEqual([
        {
          kind: 'known',
          facts: { homeRegion: 'KG-O', birthDate: new Date('1968-03-01T00:00:00Z') },
        },
        { kind: 'unknown' },
        { kind: 'refused' },
        {
          kind: 'known',
          facts: { homeRegion: 'KG-O', birthDate: new Date('1968-03-01T00:00:00Z') },
        },
      ]);
      expect(gateway.received).toHaveLength(1);
      expect(gateway.received[0]!.headers).toMatchObject(HEADERS);
      // Asked again in the same request: the cached answer, no second call.
      await directory.find('20202199000022');
      expect(gateway.received).toHaveLength(1);
    } finally {
      await gateway.close();
    }
  });

  it('treats a refused scope field as refused: a fact the caller may not read is not used', async () => {
    const gateway = await startGateway(() => ({
      status: 200,
      body: {
        data: { s0: { homeRegion: null, birthDate: '1968-03-01' } },
        errors: [{ message: 'You may not read Person.homeRegion', path: ['s0', 'homeRegion'] }],
      },
    }));
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
        headers: HEADERS,
        loaders: {},
      });
      expect(await directory.find('10101199000011')).toEqual({ kind: 'refused' });
    } finally {
      await gateway.close();
    }
  });

  it('keeps the home region of a person whose birth date alone the purpose may not read', async () => {
    const gateway = await startGateway(() => ({
      status: 200,
      body: {
        data: { s0: { homeRegion: 'KG-O', birthDate: null } },
        errors: [{ message: 'You may not read Person.birthDate', path: ['s0', 'birthDate'] }],
      },
    }));
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
        headers: { ...HEADERS, 'x-purpose': 'PUBLIC_HEALTH' },
        loaders: {},
      });
      expect(await directory.find('10101199000011')).toEqual({
        kind: 'known',
        facts: { homeRegion: 'KG-O', birthDate: null, birthDateWithheld: true },
      });
    } finally {
      await gateway.close();
    }
  });

  it('answers refused when the gateway refuses the caller as a whole (401, 403)', async () => {
    const gateway = await startGateway(() => ({ status: 401, body: { errors: [] } }));
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
        headers: HEADERS,
        loaders: {},
      });
      expect(await directory.find('10101199000011')).toEqual({ kind: 'refused' });
    } finally {
      await gateway.close();
    }
  });

  it('asks nothing without a bearer token: refused', async () => {
    const gateway = await startGateway(() => ({ status: 200, body: { data: {} } }));
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
        headers: {},
        loaders: {},
      });
      expect(await directory.find('10101199000011')).toEqual({ kind: 'refused' });
      expect(gateway.received).toHaveLength(0);
    } finally {
      await gateway.close();
    }
  });

  it.each([
    ['a 502', () => ({ status: 502, body: { message: 'bad gateway' } })],
    ['an answer without the alias', () => ({ status: 200, body: { data: null } })],
    ['no answer in time', () => 'hang' as const],
  ])('fails closed with SERVICE_UNAVAILABLE on %s', async (_what, answer) => {
    const gateway = await startGateway(answer);
    try {
      const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url, timeoutMs: 200 })({
        headers: HEADERS,
        loaders: {},
      });
      const error = await directory.find('10101199000011').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await gateway.close();
    }
  });

  it('fails closed when nothing listens at the URL', async () => {
    const gateway = await startGateway(() => ({ status: 200, body: {} }));
    await gateway.close();
    const directory = gatewaySubjectDirectory({ gatewayUrl: gateway.url })({
      headers: HEADERS,
      loaders: {},
    });
    await expect(directory.find('10101199000011')).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});

describe('subjectDirectoryFromEnv', () => {
  it('is none without JOL_GATEWAY_URL, and refuses a timeout that is not a positive integer', () => {
    expect(subjectDirectoryFromEnv({})).toBeUndefined();
    expect(subjectDirectoryFromEnv({ JOL_GATEWAY_URL: 'http://gateway:4000' })).toBeInstanceOf(
      Function,
    );
    expect(() =>
      subjectDirectoryFromEnv({
        JOL_GATEWAY_URL: 'http://gateway:4000',
        JOL_SUBJECT_DIRECTORY_TIMEOUT_MS: 'soon',
      }),
    ).toThrow('JOL_SUBJECT_DIRECTORY_TIMEOUT_MS');
  });

  it.each([
    'http://gateway:4000 extra',
    'http://gate way:4000',
    'http://:4000',
    'http://gateway:port',
  ])('refuses JOL_GATEWAY_URL %j, which no request could be sent to', (url) => {
    expect(() => subjectDirectoryFromEnv({ JOL_GATEWAY_URL: url })).toThrow('JOL_GATEWAY_URL');
  });
});

import { request } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serverAudits } from 'graphql-http';
import { MongoClient, type Db } from 'mongodb';
import { ROLE_POLICY, SUBGRAPHS } from '@jol/schema';
import { signRequest } from '@jol/kernel';
import { signingKeysOf } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

/** What names the stack, the file system or an internal: none of it reaches a client. */
const LEAKS = [
  /\bat\s+\S+\s+\(/,
  /node_modules/i,
  /express/i,
  /body-parser|raw-body|apollo|graphql-armor/i,
  /serviceName/,
  /\/(work|home|usr|app)\//,
  /stack/i,
  /<html/i,
];

/** The gateway's and a subgraph's body limits (their defaults). */
const GATEWAY_LIMIT = 100 * 1024;
const SUBGRAPH_LIMIT = 1024 * 1024;

/** Every subgraph the register lists: each is attacked alike, a new member included. */
const SUBGRAPH_NAMES = SUBGRAPHS.map(({ name }) => name);

/** One malformed request: what is sent and the typed answer it gets once its body is read. */
interface MalformedCase {
  name: string;
  headers: Record<string, string>;
  body: string | Buffer;
  status: number;
  code: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const QUERY = '{"query":"{ __typename }"}';

/** Bodies and headers no client should send; the answers are fixed by the HTTP contract. */
function malformedCases(limit: number): MalformedCase[] {
  return [
    {
      name: 'malformed JSON',
      headers: JSON_TYPE,
      body: '{"query": ',
      status: 400,
      code: 'BAD_REQUEST',
    },
    { name: 'an empty body', headers: JSON_TYPE, body: '', status: 400, code: 'BAD_REQUEST' },
    {
      name: 'a JSON array',
      headers: JSON_TYPE,
      body: '[{"query":"{ __typename }"}]',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a JSON string',
      headers: JSON_TYPE,
      body: '"{ __typename }"',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'bytes that are not utf-8',
      headers: JSON_TYPE,
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a body over the size limit',
      headers: JSON_TYPE,
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(limit) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a charset other than utf-8',
      headers: { 'content-type': 'application/json; charset=utf-7' },
      body: QUERY,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'a latin1 charset',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: QUERY,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'an unknown content-encoding',
      headers: { ...JSON_TYPE, 'content-encoding': 'x-unknown' },
      body: QUERY,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'a content-type that is not JSON',
      headers: { 'content-type': 'text/plain' },
      body: QUERY,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'a form body',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'no content-type',
      headers: {},
      body: QUERY,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ];
}

/** Encoded bodies: the gateway decodes gzip (within the limit); subgraphs accept no encoding. */
function encodedCases(limit: number): MalformedCase[] {
  const gzip = { ...JSON_TYPE, 'content-encoding': 'gzip' };
  return [
    {
      name: 'a gzip body that is not gzip',
      headers: gzip,
      body: QUERY,
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a gzip bomb over the size limit',
      headers: gzip,
      body: gzipSync(JSON.stringify({ query: '{ __typename }', pad: ' '.repeat(limit * 4) })),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
  ];
}

/** The answer is a typed JSON error with the expected status and code, and nothing internal. */
async function expectTypedError(response: Response, status: number, code: string) {
  const text = await response.text();
  expect({ status: response.status, code: codesOf(text) }).toEqual({
    status,
    code: expect.arrayContaining([code]),
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
}

function codesOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((e) => String(e.extensions?.code));
  } catch {
    return [`not JSON: ${text.slice(0, 200)}`];
  }
}

/** Sends `bytes` on a fresh socket, as written, and reads all the server answers until it closes. */
function rawExchange(base: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

/** HTTP Node's parser refuses before any route runs; each gets a typed JSON error. */
const MALFORMED_HTTP: [string, string, number, string][] = [
  [
    'a 20 kB header',
    `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`,
    431,
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
  ],
  [
    'a header line without a colon',
    'GET /graphql HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n',
    400,
    'BAD_REQUEST',
  ],
  [
    'Content-Length: abc',
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}',
    400,
    'BAD_REQUEST',
  ],
  [
    'a malformed chunked body',
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    400,
    'BAD_REQUEST',
  ],
];

/** A raw answer is the typed JSON error: status, JSON media type, Connection: close, no leak. */
function expectRawTypedError(answer: string, status: number, code: string) {
  const split = answer.indexOf('\r\n\r\n');
  const head = answer.slice(0, split);
  const body = answer.slice(split + 4);
  expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(head).toMatch(/\r\ncontent-type: application\/json/i);
  expect(head).toMatch(/\r\nconnection: close/i);
  expect(codesOf(body)).toEqual([code]);
  for (const leak of LEAKS) expect(body).not.toMatch(leak);
}

describe('HTTP: every client error is a typed JSON error with a 4xx status', () => {
  let jol: TestSystem;
  let agencyToken: string;
  let partnerToken: string;
  let mongo: MongoClient;
  let pensionsDb: Db;

  beforeAll(async () => {
    jol = await startTestSystem('http-errors');
    agencyToken = await jol.token('MIGRATION_OFFICER');
    partnerToken = await jol.token('PARTNER', { partner: 'RU-SFR', agency: 'partner' });
    mongo = await MongoClient.connect(process.env.MONGODB_URI as string);
    pensionsDb = mongo.db(`${jol.databasePrefix}_pensions`);
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  const agency = () => ({
    authorization: `Bearer ${agencyToken}`,
    'x-purpose': ROLE_POLICY.MIGRATION_OFFICER.purposes[0],
  });
  const partner = () => ({
    authorization: `Bearer ${partnerToken}`,
    'x-purpose': 'PENSION_EXCHANGE',
  });
  const post = (url: string, test: Pick<MalformedCase, 'headers' | 'body'>, extra = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { ...test.headers, ...extra },
      body: typeof test.body === 'string' ? test.body : new Uint8Array(test.body),
    });

  describe('the GraphQL-over-HTTP audit (graphql-http) against the gateway', () => {
    const audits = serverAudits({
      url: () => jol.graphqlUrl,
      fetchFn: (input: RequestInfo | URL, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        for (const [name, value] of Object.entries(agency())) headers.set(name, value);
        return fetch(input, { ...init, headers });
      },
    });
    for (const audit of audits.filter((a) => !a.name.startsWith('MAY'))) {
      it(`${audit.id} ${audit.name}`, async () => {
        const result = await audit.fn();
        expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
      });
    }
  });

  describe.each([
    ['an agency token', agency],
    ['a partner token', partner],
  ])('at the gateway, with %s', (_what, headers) => {
    it.each(
      [...malformedCases(GATEWAY_LIMIT), ...encodedCases(GATEWAY_LIMIT)].map((c) => [c.name, c]),
    )('answers %s with its typed error', async (_name, test) => {
      const response = await post(jol.graphqlUrl, test, headers());
      await expectTypedError(response, test.status, test.code);
    });
  });

  it("audits a partner's malformed request as a refusal", async () => {
    const requestId = 'http-errors-partner-malformed';
    const response = await post(
      jol.graphqlUrl,
      { headers: JSON_TYPE, body: '{"extensions": ' },
      { ...partner(), 'x-request-id': requestId },
    );
    await expectTypedError(response, 400, 'BAD_REQUEST');
    const events = await pensionsDb
      .collection('audit_events')
      .find({ callerRequestId: requestId })
      .toArray();
    expect(events).toEqual([
      expect.objectContaining({
        requestId: response.headers.get('x-request-id'),
        roles: ['PARTNER'],
        refused: ['Gateway.persistedOperation'],
        callerOperationName: null,
        callerOperationId: null,
        outcome: 'DENIED',
      }),
    ]);
  });

  describe('GraphQL documents the gateway cannot run are 400, never 500', () => {
    const deepList = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const deepObject = (depth: number) => `${'{a:'.repeat(depth)}1${'}'.repeat(depth)}`;
    it.each([
      ['a syntax error', { query: '{ person(pin: ' }, 'GRAPHQL_PARSE_FAILED'],
      [
        'a document over the token limit',
        { query: `{ ${'__typename '.repeat(4000)}}` },
        'GRAPHQL_PARSE_FAILED',
      ],
      [
        'a subscription',
        { query: 'subscription Watch { __typename }' },
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'a deeply nested list argument',
        { query: `{ person(pin: ${deepList(1400)}) { pin } }` },
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'a deeply nested object argument',
        { query: `{ person(pin: ${deepObject(700)}) { pin } }` },
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'a deeply nested argument over the token limit',
        { query: `{ person(pin: ${deepList(20_000)}) { pin } }` },
        'GRAPHQL_PARSE_FAILED',
      ],
    ])('answers %s with 400', async (_name, body, code) => {
      const response = await post(
        jol.graphqlUrl,
        { headers: JSON_TYPE, body: JSON.stringify(body) },
        agency(),
      );
      await expectTypedError(response, 400, code);
    });

    it('answers a deeply nested variable with 400', async () => {
      // Written by hand: JSON.stringify itself runs out of stack on such a value.
      const body = `{"query":"query ($pin: PIN!) { person(pin: $pin) { pin } }","variables":{"pin":${deepList(20_000)}}}`;
      const response = await post(jol.graphqlUrl, { headers: JSON_TYPE, body }, agency());
      await expectTypedError(response, 400, 'BAD_USER_INPUT');
    });
  });

  it('refuses a mutation of several root fields with a 400 before any of them runs', async () => {
    const person = (pin: string, birthDate: string) => ({
      pin,
      nameCyrillic: { last: 'Асанова', first: 'Гулмира' },
      nameLatin: { last: 'Asanova', first: 'Gulmira' },
      birthDate,
      sex: 'FEMALE',
      homeRegion: 'KG-B',
      russianProficiency: 'GOOD',
    });
    const pins = ['20212198800019', '20212198800027'];
    const response = await post(
      jol.graphqlUrl,
      {
        headers: JSON_TYPE,
        body: JSON.stringify({
          query: `mutation ($a: RegisterPersonInput!, $b: RegisterPersonInput!) {
            a: registerPerson(input: $a) { pin } b: registerPerson(input: $b) { pin } }`,
          variables: { a: person(pins[0]!, '1988-12-21'), b: person(pins[1]!, '1988-12-21') },
        }),
      },
      agency(),
    );
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'A mutation operation may select one mutation field, this one selects 2 (a, b): send one mutation per request',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
    const persons = mongo.db(`${jol.databasePrefix}_migration`).collection('persons');
    expect(await persons.countDocuments({ pin: { $in: pins } })).toBe(0);
  });

  describe('cross-site request protection speaks Jol', () => {
    const PREFLIGHT =
      'must carry the header apollo-require-preflight or x-apollo-operation-name (protection against cross-site requests)';
    /** The answer's one error, which names the headers to send and nothing else of a library. */
    async function expectRefusal(response: Response, message: string) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message, extensions: { code: 'BAD_REQUEST' } }],
      });
    }

    it('refuses a GET without a preflight header, and runs it with one', async () => {
      const url = `${jol.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`;
      await expectRefusal(await fetch(url, { headers: agency() }), `A GET request ${PREFLIGHT}`);
      await expectRefusal(
        await fetch(url, { headers: { ...agency(), 'apollo-require-preflight': '' } }),
        `A GET request ${PREFLIGHT}`,
      );
      for (const header of ['apollo-require-preflight', 'x-apollo-operation-name']) {
        const response = await fetch(url, { headers: { ...agency(), [header]: 'true' } });
        expect({ status: response.status, body: await response.json() }).toEqual({
          status: 200,
          body: { data: { __typename: 'Query' } },
        });
      }
    });

    it.each(SUBGRAPH_NAMES)(
      'refuses the same at the %s subgraph, for a signed POST with no body at all',
      async (name) => {
        const requestId = `preflight-${name}`;
        const headers = {
          ...signRequest(signingKeysOf(jol.keys), {
            target: name,
            method: 'POST',
            path: '/graphql',
            body: '',
            headers: { 'x-request-id': requestId },
          }),
          'x-request-id': requestId,
        };
        // Written by hand: fetch and node:http send Content-Length: 0, a body the parser refuses.
        const { hostname, port } = new URL(jol.system.subgraphUrls[name]!);
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => {
            const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
            socket.write(
              [
                'POST /graphql HTTP/1.1',
                `Host: ${hostname}`,
                'Connection: close',
                ...lines,
                '',
                '',
              ].join('\r\n'),
            );
          });
          let text = '';
          socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
        expect(answer).toMatch(/^HTTP\/1\.1 400 /);
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
          errors: [
            {
              message: `A request without Content-Type: application/json ${PREFLIGHT}`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      },
    );
  });

  describe('suggestions name schema values: only roles that may introspect get them', () => {
    const literal = { query: '{ indicators(by: [REGON]) { __typename } }' };
    const variable = {
      query: 'query ($by: [IndicatorDimension!]) { indicators(by: $by) { __typename } }',
      variables: { by: ['REGON'] },
    };
    const messagesAs = async (headers: Record<string, string>, body: unknown) => {
      const response = await post(
        jol.graphqlUrl,
        { headers: JSON_TYPE, body: JSON.stringify(body) },
        headers,
      );
      const answer = (await response.json()) as { errors: { message: string }[] };
      return answer.errors.map((e) => e.message).join('\n');
    };
    const citizen = async () => ({
      authorization: `Bearer ${await jol.token('DATA_SUBJECT', { pin: '10101199000011' })}`,
      'x-purpose': ROLE_POLICY.DATA_SUBJECT.purposes[0]!,
    });

    it.each([
      ['a literal', literal],
      ['a variable', variable],
    ])('hides the enum value suggestion in %s from a citizen', async (_what, body) => {
      const text = await messagesAs(await citizen(), body);
      expect(text).toContain('REGON');
      expect(text).not.toMatch(/Did you mean|"REGION"/);
    });

    it.each([
      ['a literal', literal],
      ['a variable', variable],
    ])('keeps it in %s for an agency officer', async (_what, body) => {
      expect(await messagesAs(agency(), body)).toContain('Did you mean the enum value "REGION"');
    });
  });

  describe('answers are compressed for clients that accept it', () => {
    /** A raw POST: fetch would decode the body and hide how it came. */
    const rawPost = (acceptEncoding: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        const body = JSON.stringify({ query: '{ __schema { types { name description } } }' });
        const req = request(
          jol.graphqlUrl,
          {
            method: 'POST',
            headers: { ...JSON_TYPE, ...agency(), 'accept-encoding': acceptEncoding },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                encoding: res.headers['content-encoding'],
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const typesIn = (json: string) =>
      (JSON.parse(json) as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length;

    it('brotli to a browser, gzip to a client without it, nothing to one that accepts none', async () => {
      const br = await rawPost('gzip, deflate, br');
      expect(br.encoding).toBe('br');
      const gzip = await rawPost('gzip');
      expect(gzip.encoding).toBe('gzip');
      const plain = await rawPost('identity');
      expect(plain.encoding).toBeUndefined();
      const types = typesIn(plain.body.toString('utf8'));
      expect(types).toBeGreaterThan(10);
      expect(typesIn(brotliDecompressSync(br.body).toString('utf8'))).toBe(types);
      expect(typesIn(gunzipSync(gzip.body).toString('utf8'))).toBe(types);
    });
  });

  describe('routes', () => {
    it.each([
      ['GET', '/nowhere', {}, 404, 'NOT_FOUND'],
      ['POST', '/nowhere', JSON_TYPE, 404, 'NOT_FOUND'],
      ['POST', '/healthz', JSON_TYPE, 405, 'METHOD_NOT_ALLOWED'],
      ['DELETE', '/readyz', {}, 405, 'METHOD_NOT_ALLOWED'],
      ['POST', '/indicators.csv', JSON_TYPE, 405, 'METHOD_NOT_ALLOWED'],
      ['PUT', '/graphql', JSON_TYPE, 405, 'METHOD_NOT_ALLOWED'],
    ] as const)('answers %s %s with a typed %i', async (method, path, headers, status, code) => {
      const response = await fetch(`${jol.system.gatewayUrl}${path}`, {
        method,
        headers: { ...headers, ...agency() },
        body: method === 'GET' || method === 'DELETE' ? undefined : QUERY,
      });
      await expectTypedError(response, status, code);
    });
  });

  describe.each(SUBGRAPH_NAMES)('at the %s subgraph', (name) => {
    const url = () => jol.system.subgraphUrls[name];
    const unsigned = [...malformedCases(SUBGRAPH_LIMIT), ...encodedCases(SUBGRAPH_LIMIT)].map(
      (c): MalformedCase => {
        // Read before the signature is checked: the size limit and the encoding are all it sees.
        if (c.code === 'PAYLOAD_TOO_LARGE' && !c.headers['content-encoding']) return c;
        if (c.headers['content-encoding'])
          return { ...c, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
        return { ...c, status: 401, code: 'UNAUTHENTICATED' };
      },
    );
    it.each(unsigned.map((c) => [c.name, c]))(
      'refuses %s unsigned and with no token, with a typed 4xx',
      async (_name, test) => {
        await expectTypedError(await post(url(), test), test.status, test.code);
      },
    );

    const signed = [...malformedCases(SUBGRAPH_LIMIT), ...encodedCases(SUBGRAPH_LIMIT)].map(
      (c): MalformedCase =>
        c.headers['content-encoding'] ? { ...c, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } : c,
    );
    it.each(signed.map((c) => [c.name, c]))(
      'answers %s, signed by the gateway, with its typed error',
      async (_name, test) => {
        const requestId = `signed-${name}-${test.name.replace(/\W+/g, '-')}`;
        const signature = signRequest(signingKeysOf(jol.keys), {
          target: name,
          method: 'POST',
          path: '/graphql',
          body: test.body,
          headers: { 'x-request-id': requestId },
        });
        const response = await post(url(), test, { ...signature, 'x-request-id': requestId });
        await expectTypedError(response, test.status, test.code);
      },
    );

    it.each([
      ['GET', '/graphql', 405, 'METHOD_NOT_ALLOWED'],
      ['POST', '/healthz', 405, 'METHOD_NOT_ALLOWED'],
      ['GET', '/nowhere', 404, 'NOT_FOUND'],
    ] as const)('answers %s %s with a typed %i', async (method, path, status, code) => {
      const base = url().replace(/\/graphql$/, '');
      const response = await fetch(`${base}${path}`, {
        method,
        headers: method === 'POST' ? JSON_TYPE : {},
        body: method === 'POST' ? QUERY : undefined,
      });
      await expectTypedError(response, status, code);
    });
  });

  describe('malformed HTTP and undecodable paths', () => {
    const bases = (): [string, string][] => [
      ['the gateway', jol.system.gatewayUrl],
      ...SUBGRAPH_NAMES.map((name): [string, string] => [
        `the ${name} subgraph`,
        new URL(jol.system.subgraphUrls[name]!).origin,
      ]),
    ];

    it.each(MALFORMED_HTTP)(
      'answers %s with a typed JSON error, at the gateway and every subgraph',
      async (_what, bytes, status, code) => {
        for (const [where, base] of bases()) {
          const answer = await rawExchange(base, bytes);
          try {
            expectRawTypedError(answer, status, code);
          } catch (error) {
            throw new Error(`${where}: ${(error as Error).message}`);
          }
        }
      },
    );

    const get = (base: string, path: string) =>
      rawExchange(base, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

    it.each([
      '/graphiql/%c0',
      '/graphiql/x%',
      '/dashboard/%c0',
      '/dashboard/assets/%E0%A4%A',
      '/dashboard/x%',
    ])('answers GET %s at the gateway with a typed JSON 400', async (path) => {
      expectRawTypedError(await get(jol.system.gatewayUrl, path), 400, 'BAD_REQUEST');
    });

    it.each(['/graphql/%c0', '/x%', '/healthz/%E0%A4%A', '/%c0'])(
      'answers GET %s at every subgraph with a typed JSON 404',
      async (path) => {
        for (const [, base] of bases().slice(1))
          expectRawTypedError(await get(base, path), 404, 'NOT_FOUND');
      },
    );
  });
});

import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { createAccessLog } from './access-log';
import { SIGNATURE_HEADERS } from './access/signing';
import { listen, type RunningServer } from './http';
import {
  createJsonErrorHandler,
  methodNotAllowed,
  notFoundHandler,
  parseJsonBody,
  readRawBody,
  requirePreflight,
} from './http-errors';
import { createLogger } from './logger';

/** Everything a logger wrote, one parsed object per line. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const log = createLogger('test', 'info', {
    write: (line: string) => {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { log, lines, raw };
}

describe('the HTTP error pipeline', () => {
  const { log, lines, raw } = capturedLogger();
  let server: RunningServer;

  beforeAll(async () => {
    const app = express();
    app.use(createAccessLog(log, { ignore: (path) => path === '/healthz' }));
    app.use((_req, res, next) => {
      res.locals.caller = { sub: 'officer-7', roles: ['MIGRATION_OFFICER'] };
      next();
    });
    const echo: express.RequestHandler = (req, res) => {
      res.json({ got: req.body ?? null });
    };
    app.post('/json', readRawBody({ limit: '1kb', inflate: true }), parseJsonBody, echo);
    app.post('/identity', readRawBody({ limit: '1kb', inflate: false }), parseJsonBody, echo);
    app.all(
      '/guarded',
      readRawBody({ limit: '1kb', inflate: false }),
      parseJsonBody,
      requirePreflight,
      echo,
    );
    app.get('/boom', () => {
      throw new Error('driver failed at /work/secret/path.ts');
    });
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.all('/healthz', methodNotAllowed('GET', 'HEAD'));
    app.use(notFoundHandler);
    app.use(createJsonErrorHandler(log));
    server = await listen(app, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  async function expectError(response: Response, status: number, code: string) {
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code } }],
    });
    expect(text).not.toMatch(/stack|node_modules|body-parser|raw-body|express|\/work\//i);
  }

  describe('requirePreflight', () => {
    const REFUSAL =
      'must carry the header apollo-require-preflight or x-apollo-operation-name (protection against cross-site requests)';
    const send = (method: string, headers: Record<string, string>, body?: string) =>
      fetch(`${server.url}/guarded`, { method, headers, body });

    it.each([
      ['a GET without the header', {}],
      ['a GET with an empty one', { 'apollo-require-preflight': '' }],
    ])('refuses %s in its own words, with no trailing newline', async (_what, headers) => {
      const response = await send('GET', headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: `A GET request ${REFUSAL}`, extensions: { code: 'BAD_REQUEST' } }],
      });
    });

    it('refuses a POST that has no body at all (no Content-Length), which reaches it unparsed', async () => {
      const { hostname, port } = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write('POST /guarded HTTP/1.1\r\nHost: jol\r\nConnection: close\r\n\r\n');
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(
        JSON.stringify({
          errors: [
            {
              message: `A request without Content-Type: application/json ${REFUSAL}`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        }),
      );
    });

    it.each([
      [
        'a GET with apollo-require-preflight',
        'GET',
        { 'apollo-require-preflight': 'true' },
        undefined,
      ],
      ['a GET with x-apollo-operation-name', 'GET', { 'x-apollo-operation-name': 'Q' }, undefined],
      ['a JSON POST', 'POST', { 'content-type': 'application/json' }, '{"query":"{ a }"}'],
    ])('lets %s through', async (_what, method, headers, body) => {
      const response = await send(method, headers, body);
      expect(response.status).toBe(200);
    });
  });

  it('parses a JSON object', async () => {
    const response = await post('/json', '{"query":"{ a }"}');
    expect(await response.json()).toEqual({ got: { query: '{ a }' } });
  });

  it('decodes gzip within the limit when inflate is allowed', async () => {
    const response = await post('/json', gzipSync('{"query":"{ a }"}'), {
      'content-encoding': 'gzip',
    });
    expect(await response.json()).toEqual({ got: { query: '{ a }' } });
  });

  it.each([
    ['malformed JSON', '/json', '{"query": ', {}, 400, 'BAD_REQUEST'],
    ['an empty body', '/json', '', {}, 400, 'BAD_REQUEST'],
    ['a JSON array', '/json', '[1]', {}, 400, 'BAD_REQUEST'],
    ['a JSON number', '/json', '1', {}, 400, 'BAD_REQUEST'],
    ['bytes that are not utf-8', '/json', Buffer.from([0x7b, 0xff, 0x7d]), {}, 400, 'BAD_REQUEST'],
    ['a body over the limit', '/json', `{"a":"${'x'.repeat(2000)}"}`, {}, 413, 'PAYLOAD_TOO_LARGE'],
    [
      'a gzip body over the limit once decoded',
      '/json',
      gzipSync(`{"a":"${' '.repeat(50_000)}"}`),
      { 'content-encoding': 'gzip' },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a gzip body that is not gzip',
      '/json',
      '{"a":1}',
      { 'content-encoding': 'gzip' },
      400,
      'BAD_REQUEST',
    ],
    [
      'an unknown encoding',
      '/json',
      '{"a":1}',
      { 'content-encoding': 'x-zip' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'gzip where no encoding is allowed',
      '/identity',
      gzipSync('{"a":1}'),
      { 'content-encoding': 'gzip' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a charset other than utf-8',
      '/json',
      '{"a":1}',
      { 'content-type': 'application/json; charset=utf-16' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a media type that is not JSON',
      '/json',
      '{"a":1}',
      { 'content-type': 'text/plain' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ] as const)('answers %s with a typed error', async (_name, path, body, headers, status, code) => {
    await expectError(await post(path, body, headers), status, code);
  });

  it('accepts an explicit utf-8 charset', async () => {
    const response = await post('/json', '{"a":1}', {
      'content-type': 'application/json; charset="UTF-8"',
    });
    expect(await response.json()).toEqual({ got: { a: 1 } });
  });

  it('answers an unknown path with 404 and a wrong method with 405 and Allow', async () => {
    await expectError(await fetch(`${server.url}/nowhere`), 404, 'NOT_FOUND');
    const wrong = await post('/healthz', '{}');
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    await expectError(wrong, 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers a server fault with a bare 500 and logs the error for operators', async () => {
    const response = await fetch(`${server.url}/boom`);
    await expectError(response, 500, 'INTERNAL_SERVER_ERROR');
    expect(raw.join('')).toContain('driver failed');
  });

  it('writes one access line per request, with the caller and the codes, and no credentials', async () => {
    const requestId = 'access-line-test-1';
    const secretToken = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';
    await post('/json', '{"broken', {
      authorization: `Bearer ${secretToken}`,
      cookie: 'session=cookie-secret',
      'x-purpose': 'MIGRATION_CONTROL',
      'x-request-id': requestId,
      [SIGNATURE_HEADERS.signature]: 'signature-secret',
    }).then((r) => r.text());
    await new Promise((resolve) => setImmediate(resolve));
    const mine = lines.filter((line) => line.requestId === requestId);
    expect(mine).toEqual([
      expect.objectContaining({
        msg: 'access',
        method: 'POST',
        path: '/json',
        status: 400,
        sub: 'officer-7',
        roles: ['MIGRATION_OFFICER'],
        purpose: 'MIGRATION_CONTROL',
        errorCodes: ['BAD_REQUEST'],
        durationMs: expect.any(Number),
      }),
    ]);
    for (const secret of [secretToken, 'cookie-secret', 'signature-secret']) {
      expect(raw.join('')).not.toContain(secret);
    }
  });

  it('answers with the request id it logged, replacing a malformed one', async () => {
    const response = await post('/json', '{}', { 'x-request-id': 'bad id\twith spaces' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((line) => line.requestId === id)).toHaveLength(1);
  });

  it('writes no line for an ignored path', async () => {
    const before = lines.length;
    await (await fetch(`${server.url}/healthz`)).text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.slice(before).filter((line) => line.path === '/healthz')).toEqual([]);
  });
});

describe('createLogger', () => {
  it('censors credential headers and fields wherever a logged object holds them', () => {
    const { log, raw } = capturedLogger();
    log.info(
      {
        req: {
          headers: { authorization: 'Bearer tok-1', cookie: 'c-2', 'x-jol-signature': 's-3' },
        },
        headers: { authorization: 'Bearer tok-4', [SIGNATURE_HEADERS.nonce]: 'n-5' },
        token: 'tok-6',
        err: { token: 'tok-7', config: { headers: { authorization: 'Bearer tok-8' } } },
      },
      'a request',
    );
    const text = raw.join('');
    for (const secret of ['tok-1', 'c-2', 's-3', 'tok-4', 'n-5', 'tok-6', 'tok-7', 'tok-8']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});

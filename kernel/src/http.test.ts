import { connect } from 'node:net';
import express from 'express';
import { listen, type RunningServer } from './http';

/** An app that is ready, answers /slow after 300 ms and never answers /hang. */
function app() {
  return express()
    .get('/readyz', (_req, res) => {
      res.json({ status: 'ready' });
    })
    .get('/slow', (_req, res) => {
      setTimeout(() => res.json({ done: true }), 300);
    })
    .get('/hang', () => undefined)
    .get('/stream', (_req, res) => {
      // Headers and a first part sent at once, the rest 300 ms later.
      res.write('first');
      setTimeout(() => res.end('last'), 300);
    });
}

describe('listen(...).close', () => {
  it('reports not ready while draining, still serves, then finishes in-flight requests', async () => {
    const running = await listen(app(), 0);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    const inFlight = fetch(`${running.url}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closed = running.close({ drainMs: 400, deadlineMs: 5000 });
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'stopping' });
    const during = await fetch(`${running.url}/slow`);
    expect(await during.json()).toEqual({ done: true });
    expect(await (await inFlight).json()).toEqual({ done: true });
    await closed;
    await expect(fetch(`${running.url}/readyz`)).rejects.toThrow();
  });

  it('cuts requests still open at the deadline, so a stop never waits longer', async () => {
    const running = await listen(app(), 0);
    const hung = fetch(`${running.url}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await running.close({ deadlineMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('cut');
  });
});

/** Sends `bytes` on a fresh socket and reads everything the server answers until it closes. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const POST_HEAD = 'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';

describe('HTTP the parser refuses', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await listen(app(), 0);
  });
  afterAll(async () => {
    await running.close();
  });

  it.each([
    [
      'headers larger than the server accepts',
      `GET /readyz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'REQUEST_HEADER_FIELDS_TOO_LARGE',
    ],
    [
      'a header line without a colon',
      'GET /readyz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n',
      400,
      'BAD_REQUEST',
    ],
    [
      'a Content-Length that is no number',
      `${POST_HEAD}Content-Length: abc\r\n\r\n{}`,
      400,
      'BAD_REQUEST',
    ],
    [
      'a chunked body whose chunk size is no number',
      `${POST_HEAD}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      400,
      'BAD_REQUEST',
    ],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400, 'BAD_REQUEST'],
  ])('answers %s with a typed JSON error and closes', async (_what, bytes, status, code) => {
    const answer = await rawExchange(running.url, bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(head).toMatch(/\r\nConnection: close(\r\n|$)/);
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code } }],
    });
    expect(body).not.toMatch(/HPE_|Parse Error|node:|\bat\s/);
  });

  it('answers a malformed request after an answered one on the same connection', async () => {
    const { hostname, port } = new URL(running.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('"ready"') && !text.includes('BAD_REQUEST'))
          socket.write('GET /readyz HTTP/1.1\r\nno colon\r\n\r\n');
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400']);
    expect(answer).toContain('"code":"BAD_REQUEST"');
  });

  it('writes nothing after an answer already under way: the connection is closed', async () => {
    const { hostname, port } = new URL(running.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /stream HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('first')) socket.write('GET /x HTTP/1.1\r\nno colon\r\n\r\n');
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).not.toContain('BAD_REQUEST');
  });
});

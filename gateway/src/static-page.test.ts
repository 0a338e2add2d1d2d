import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import {
  createJsonErrorHandler,
  listen,
  notFoundHandler,
  type Logger,
  type RunningServer,
} from '@jol/kernel';
import { dashboardRouter } from './dashboard/serve';
import { graphiqlRouter } from './graphiql/serve';

/** A GET sent as written: fetch would normalise or re-encode a malformed path. */
function rawGet(url: string, path: string) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(url, { path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static pages, asked for a path that does not decode', () => {
  let dir: string;
  let server: RunningServer;
  const errors: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-pages-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'void 0;');
    const log = { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger;
    const app = express();
    app.use(graphiqlRouter(dir));
    app.use(dashboardRouter(dir));
    app.use(notFoundHandler);
    app.use(createJsonErrorHandler(log));
    server = await listen(app, 0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/graphiql/%c0',
    '/graphiql/x%',
    '/dashboard/%c0',
    '/dashboard/assets/%E0%A4%A',
    '/dashboard/assets/x%',
  ])('answers %s with a typed JSON 400', async (path) => {
    const response = await rawGet(server.url, path);
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({
      errors: [
        {
          message: 'The path is not valid percent-encoding',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(errors).toEqual([]);
  });

  it('still serves a file whose path is well encoded, and 404 for one that is not there', async () => {
    expect((await rawGet(server.url, '/dashboard/assets/%61pp.js')).status).toBe(200);
    const missing = await rawGet(server.url, '/dashboard/assets/%E2%82%AC.js');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/^application\/json/);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { listen, type RunningServer } from '@jol/kernel';
import { GRAPHIQL_CSP, graphiqlRouter } from './serve';

/**
 * A raw GET, so that paths reach the server exactly as written (fetch would normalise `..`) and
 * a compressed body arrives as it was sent (fetch would decode it).
 */
function rawGet(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; raw: Buffer; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          body: raw.toString('utf8'),
          raw,
          headers: res.headers,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graphiqlRouter', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-graphiql-'));
    const app = express();
    app.use(graphiqlRouter(dir));
    app.get('/graphql', (_req, res) => {
      res.send('api');
    });
    server = await listen(app, 0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 and says how to build while the bundle is missing', async () => {
    const response = await fetch(`${server.url}/graphiql`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  describe('a bundle file named by its content and precompressed', () => {
    const SCRIPT = 'console.log("the hashed script")';
    const HASHED = 'app-0123456789ab.js';
    let built: string;
    let bundled: RunningServer;
    // The precompressed files are found when the router is made, as the gateway starts.
    beforeAll(async () => {
      built = mkdtempSync(join(tmpdir(), 'jol-graphiql-built-'));
      writeFileSync(join(built, 'index.html'), '<!doctype html><title>t</title>');
      writeFileSync(join(built, 'app.js'), SCRIPT);
      writeFileSync(join(built, HASHED), SCRIPT);
      writeFileSync(join(built, `${HASHED}.br`), brotliCompressSync(SCRIPT));
      writeFileSync(join(built, `${HASHED}.gz`), gzipSync(SCRIPT));
      const app = express();
      app.use(graphiqlRouter(built));
      bundled = await listen(app, 0);
    });
    afterAll(async () => {
      await bundled.close();
      rmSync(built, { recursive: true, force: true });
    });

    it('answers a browser with brotli, kept for a year as immutable', async () => {
      const response = await rawGet(bundled.url, `/graphiql/${HASHED}`, {
        'accept-encoding': 'gzip, deflate, br, zstd',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-security-policy']).toBe(GRAPHIQL_CSP);
      expect(brotliDecompressSync(response.raw).toString('utf8')).toBe(SCRIPT);
    });

    it('answers gzip to a client without brotli, and the file itself to one without either', async () => {
      const gzip = await rawGet(bundled.url, `/graphiql/${HASHED}`, {
        'accept-encoding': 'gzip',
      });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.raw).toString('utf8')).toBe(SCRIPT);
      const plain = await rawGet(bundled.url, `/graphiql/${HASHED}`, {
        'accept-encoding': 'identity',
      });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(SCRIPT);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('keeps a name without a hash revalidated', async () => {
      const response = await rawGet(bundled.url, '/graphiql/app.js', {
        'accept-encoding': 'gzip, deflate, br',
      });
      expect(response.headers['cache-control']).toBe('no-cache');
    });
  });

  describe('once built', () => {
    beforeAll(() => {
      mkdirSync(join(dir, 'workers'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
      writeFileSync(join(dir, 'app.js'), 'console.log(1)');
      writeFileSync(join(dir, 'workers', 'editor.worker.js'), 'self.x = 1');
      writeFileSync(join(dir, '.env'), 'SECRET=1');
    });

    it('serves the page at /graphiql with a strict policy and revalidation', async () => {
      const response = await fetch(`${server.url}/graphiql`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>t</title>');
    });

    it('serves the bundle below /graphiql/ with the same headers', async () => {
      for (const path of ['/graphiql/app.js', '/graphiql/workers/editor.worker.js']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/javascript/);
        expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
        expect(response.headers.get('cache-control')).toBe('no-cache');
      }
    });

    it('sends /graphiql/ to the page with a relative redirect', async () => {
      const response = await fetch(`${server.url}/graphiql/`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('../graphiql');
    });

    it.each([
      '/graphiql/missing.js',
      '/graphiql/index.html',
      '/graphiql/.env',
      '/graphiql/workers',
      '/graphiql/..%2f..%2fpackage.json',
      '/graphiql/../graphiql/../../etc/passwd',
      '/GraphiQL',
    ])('answers 404 for %s', async (path) => {
      const response = await rawGet(server.url, path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('SECRET');
    });

    it('answers 404 to other methods', async () => {
      const response = await fetch(`${server.url}/graphiql`, { method: 'POST' });
      expect(response.status).toBe(404);
    });

    it('leaves other routes alone', async () => {
      const response = await fetch(`${server.url}/graphql`);
      expect(await response.text()).toBe('api');
      expect(response.headers.get('content-security-policy')).toBeNull();
    });
  });
});

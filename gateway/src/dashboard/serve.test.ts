import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { listen, type RunningServer } from '@jol/kernel';
import { PAGE_CSP } from '../static-page';
import { dashboardRouter } from './serve';

describe('dashboardRouter', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-dashboard-'));
    const app = express();
    app.use(dashboardRouter(dir));
    server = await listen(app, 0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with a typed error while the bundle is missing', async () => {
    const response = await fetch(`${server.url}/dashboard`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('serves the built page and its files under the pages’ policy, and 404 for anything else', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>d</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const page = await fetch(`${server.url}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const script = await fetch(`${server.url}/dashboard/app.js`);
    expect(script.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const redirect = await fetch(`${server.url}/dashboard/`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('../dashboard');
    for (const path of ['/dashboard/missing.js', '/dashboard/index.html']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { checkReadiness, readinessHandler } from './readiness';
import type { SubgraphGuard } from './subgraph-guard';

/** A stand-in subgraph whose /readyz answers `status` with `{ store }`. */
async function subgraph(status: number, store: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: store, store }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, server };
}

const circuit = (state: ReturnType<SubgraphGuard['state']>) =>
  ({ state: () => state }) as unknown as SubgraphGuard;

describe('gateway readiness', () => {
  const servers: Server[] = [];
  let up: string;
  let storeDown: string;
  let closed: string;
  beforeAll(async () => {
    const a = await subgraph(200, 'ready');
    const b = await subgraph(503, 'down');
    const c = await subgraph(200, 'ready');
    servers.push(a.server, b.server, c.server);
    up = a.url;
    storeDown = b.url;
    // A port nothing listens on any more.
    closed = c.url;
    await new Promise((resolve) => c.server.close(resolve));
  });
  afterAll(() => servers.forEach((s) => s.listening && s.close()));

  it('is ready when every subgraph answers and every breaker is closed', async () => {
    const readiness = await checkReadiness([
      { name: 'migration', url: up, guard: circuit('closed') },
      { name: 'labour', url: up },
    ]);
    expect(readiness).toEqual({
      status: 'ready',
      subgraphs: {
        migration: { status: 'ready', store: 'ready', circuit: 'closed' },
        labour: { status: 'ready', store: 'ready', circuit: 'closed' },
      },
    });
  });

  it('is degraded when one subgraph is down, its store is down, or its breaker is open', async () => {
    const readiness = await checkReadiness([
      { name: 'migration', url: up },
      { name: 'labour', url: closed },
      { name: 'health', url: storeDown },
      { name: 'pensions', url: up, guard: circuit('open') },
    ]);
    expect(readiness).toEqual({
      status: 'degraded',
      subgraphs: {
        migration: { status: 'ready', store: 'ready', circuit: 'closed' },
        labour: { status: 'down', store: 'unknown', circuit: 'closed' },
        health: { status: 'down', store: 'down', circuit: 'closed' },
        pensions: { status: 'degraded', store: 'ready', circuit: 'open' },
      },
    });
  });

  it('answers 200 while degraded and 503 only when no subgraph can serve', async () => {
    const status = async (targets: Parameters<typeof checkReadiness>[0]) => {
      const app = express().get(
        '/readyz',
        readinessHandler(() => targets, { reuseMs: 0 }),
      );
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      server.close();
      return { code: response.status, body: JSON.stringify(await response.json()) };
    };
    const degraded = await status([
      { name: 'migration', url: up },
      { name: 'labour', url: closed },
    ]);
    expect(degraded.code).toBe(200);
    const down = await status([
      { name: 'labour', url: closed },
      { name: 'health', url: storeDown },
    ]);
    expect(down.code).toBe(503);
    expect(down.body).toContain('"status":"down"');
    expect(down.body).not.toMatch(/127\.0\.0\.1|http/);
  });

  it('asks the subgraphs once for many concurrent probes, and again after reuseMs', async () => {
    let asked = 0;
    const server = createServer((_req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ store: 'ready' }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const app = express().get(
      '/readyz',
      // Long enough that twenty probes on a loaded machine all fall within one reuse.
      readinessHandler(() => [{ name: 'labour', url }], { reuseMs: 2_000 }),
    );
    const gateway = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => gateway.once('listening', resolve));
    const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const probes = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/readyz`)));
    expect(probes.every((p) => p.status === 200)).toBe(true);
    expect(asked).toBe(1);
    await new Promise((r) => setTimeout(r, 2_050));
    await fetch(`${base}/readyz`);
    expect(asked).toBe(2);
    gateway.close();
  });
});

import express from 'express';
import { listen } from './http';

/** An app that is ready, answers /slow after 300 ms and never answers /hang. */
function app() {
  return express()
    .get('/readyz', (_req, res) => {
      res.json({ status: 'ready' });
    })
    .get('/slow', (_req, res) => {
      setTimeout(() => res.json({ done: true }), 300);
    })
    .get('/hang', () => undefined);
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

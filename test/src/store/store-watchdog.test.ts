import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordTestFileInFlight, startStoreWatchdog, testFilesInFlight } from './store-watchdog';

/** A store that accepts connections and never answers, as a hung SecantusDB does. */
async function hungStore(): Promise<{ uri: string; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { uri: `mongodb://127.0.0.1:${port}/?directConnection=true`, server, sockets };
}

const exited = (child: ChildProcess) =>
  new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

describe('the store watchdog', () => {
  it('names the test files in flight when the store stops answering, then kills the store', async () => {
    const store = await hungStore();
    // Stands in for the store's process: the watchdog kills it by its id.
    const process_ = spawn('sleep', ['60'], { stdio: 'ignore' });
    const gone = exited(process_);
    const inflightDir = mkdtempSync(join(tmpdir(), 'jol-inflight-test-'));
    recordTestFileInFlight(inflightDir, '/repo/test/src/specs/indicators.spec.ts');
    const lines: string[] = [];
    const watchdog = startStoreWatchdog({
      uri: store.uri,
      pid: process_.pid!,
      inflightDir,
      intervalMs: 200,
      warnAfterMs: 500,
      killAfterMs: 2_000,
      write: (line) => lines.push(line),
    });
    try {
      expect(await gone).toBe('SIGKILL');
      expect(lines[0]).toMatch(/has not answered for \d+ s \(store pid \d+/);
      expect(lines[0]).toContain('test files in flight: /repo/test/src/specs/indicators.spec.ts');
      expect(lines.at(-1)).toMatch(/killing it so the run ends/);
      expect(lines.filter((line) => line.includes('has not answered'))).toHaveLength(2);
    } finally {
      await watchdog.stop();
      process_.kill('SIGKILL');
      store.sockets.forEach((socket) => socket.destroy());
      store.server.close();
    }
  }, 20_000);

  it('lists nothing in flight when no file says so', () => {
    expect(testFilesInFlight(join(tmpdir(), 'jol-inflight-missing'))).toEqual([]);
  });
});

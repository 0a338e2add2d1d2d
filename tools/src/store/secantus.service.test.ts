import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startStore } from './secantus';

describe('the embedded store', () => {
  it('writes every thread stack to its output on SIGUSR1, and goes on answering', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'jol-store-log-')), 'store.log');
    const store = await startStore({ storagePath: ':memory:', logFile, cacheSize: '256M' });
    const client = await new MongoClient(store.uri).connect();
    try {
      process.kill(store.pid, 'SIGUSR1');
      let output = '';
      for (let i = 0; i < 50 && !output.includes('File "'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        output = readFileSync(logFile, 'utf8');
      }
      expect(output).toMatch(/Thread 0x[0-9a-f]+/);
      expect(output).toMatch(/File ".*secantus.*", line \d+/);
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    } finally {
      await client.close();
      await store.stop();
    }
  }, 90_000);

  it('refuses a cache size that is not a size', async () => {
    await expect(startStore({ cacheSize: '4 GB' })).rejects.toThrow(/cacheSize must be a size/);
  });
});

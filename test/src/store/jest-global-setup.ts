import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startStore } from '@jol/tools';
import { startStoreWatchdog, type StoreWatchdog } from './store-watchdog';

declare global {
  // The jest parent process's watchdog, stopped by the global teardown.
  var jolStoreWatchdog: StoreWatchdog | undefined;
}

/**
 * Starts one throw-away store per jest project; tests pick their own databases on it. A watchdog
 * names the test files in flight if the store stops answering, and ends the run if it stays so.
 * `JOL_TEST_STORE_CACHE` sets the store's engine cache (it holds everything: the store is in memory).
 */
export default async function globalSetup(
  _globalConfig: unknown,
  project: { displayName?: { name?: string } },
): Promise<void> {
  const logDir = join(REPO_ROOT, 'test-artifacts', 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `store-${project.displayName?.name ?? 'tests'}.log`);
  const store = await startStore({
    storagePath: ':memory:',
    logFile,
    cacheSize: process.env.JOL_TEST_STORE_CACHE || '2G',
  });
  process.env.MONGODB_URI = store.uri;
  process.env.JOL_TEST_STORE_PID = String(store.pid);
  const inflightDir = mkdtempSync(join(tmpdir(), 'jol-inflight-'));
  process.env.JOL_TEST_INFLIGHT_DIR = inflightDir;
  globalThis.jolStoreWatchdog = startStoreWatchdog({
    uri: store.uri,
    pid: store.pid,
    inflightDir,
    logFile,
  });
  store.detach();
}

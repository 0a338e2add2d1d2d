import { join } from 'node:path';
import { killPid, startStore } from '@jol/tools';

/**
 * The store for mutation testing. Stryker's jest runner calls jest once per mutant inside one
 * worker process, so the store started by the first call is kept (its address in MONGODB_URI) and
 * reused by the next calls; it is stopped, by its pid, when the worker exits. Stryker runs a copy
 * of the repository, so the store's virtual environment is taken from the original
 * (JOL_MUTATION_REPO_ROOT, set by stryker.config.mjs) rather than installed into every copy.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.JOL_MUTATION_STORE_PID) return;
  const root = process.env.JOL_MUTATION_REPO_ROOT;
  const store = await startStore({
    storagePath: ':memory:',
    venvDir: root ? join(root, '.tools', 'secantus') : undefined,
  });
  process.env.MONGODB_URI = store.uri;
  process.env.JOL_MUTATION_STORE_PID = String(store.pid);
  store.detach();
  const stop = () => killPid(store.pid);
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

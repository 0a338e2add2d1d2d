import { startStore } from '@jol/tools';

/** Starts one throw-away store per jest project; tests pick their own databases on it. */
export default async function globalSetup(): Promise<void> {
  const store = await startStore({ storagePath: ':memory:' });
  process.env.MONGODB_URI = store.uri;
  process.env.JOL_TEST_STORE_PID = String(store.pid);
  store.detach();
}

import { killPid } from '@jol/tools';

export default async function globalTeardown(): Promise<void> {
  await globalThis.jolStoreWatchdog?.stop();
  globalThis.jolStoreWatchdog = undefined;
  const pid = Number(process.env.JOL_TEST_STORE_PID);
  if (pid > 0) killPid(pid);
}

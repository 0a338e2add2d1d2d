import { clearTestFileInFlight, recordTestFileInFlight } from './store-watchdog';

/** Each test file over the shared store says it is in flight, for the store watchdog to name. */
const inflightDir = process.env.JOL_TEST_INFLIGHT_DIR;
const testPath = expect.getState().testPath;
if (inflightDir && testPath) {
  recordTestFileInFlight(inflightDir, testPath);
  afterAll(() => clearTestFileInFlight(inflightDir));
}

/**
 * The jest configuration StrykerJS runs (stryker.config.mjs), as one project since Stryker's jest
 * runner instruments a single project. The cross-service specs are never run: they run built code
 * from dist, which Stryker does not mutate.
 *
 * Which tests run, by default the unit tests beside the kernel: to find the tests that cover a
 * mutant, jest loads every test file that imports the mutated module, and every test file
 * imports the kernel through @jol/kernel, so a run over whole tiers costs minutes per mutant on a
 * shared machine where the kernel's own tests take seconds.
 * - JOL_MUTATION_TESTS=a.test.ts,b.test.ts: only those files (paths from the repository root).
 * - JOL_MUTATION_TIERS=unit or unit,service: every test of those tiers.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS configs
const base = require('./jest.config.js');
const [unit, service] = base.projects;

const KERNEL_TESTS = [
  '<rootDir>/kernel/src/access/**/*.test.ts',
  '<rootDir>/kernel/src/audit/**/*.test.ts',
  '<rootDir>/schema/src/members/**/*.test.ts',
  '<rootDir>/statistics/src/suppression*.test.ts',
  '<rootDir>/kernel/src/scalars/**/*.test.ts',
  '<rootDir>/gateway/src/persisted-operations*.test.ts',
];

const only = (process.env.JOL_MUTATION_TESTS ?? '').split(',').filter(Boolean);
const tiers = (process.env.JOL_MUTATION_TIERS ?? '').split(',').filter(Boolean);
const withService = tiers.includes('service');

function testMatch() {
  if (only.length > 0) return only.map((path) => `<rootDir>/${path}`);
  if (tiers.length > 0) return [...unit.testMatch, ...(withService ? service.testMatch : [])];
  return KERNEL_TESTS;
}

module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch: testMatch(),
  testPathIgnorePatterns: withService ? ['/node_modules/'] : unit.testPathIgnorePatterns,
  // One store for every run of a Stryker worker, not one per mutant (see the setup's comment).
  ...(withService ? { globalSetup: '<rootDir>/test/src/mutation/jest-global-setup.ts' } : {}),
  testTimeout: base.testTimeout,
};

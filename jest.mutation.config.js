/**
 * The jest configuration StrykerJS runs (stryker.config.mjs): the unit and service tiers as one
 * project, since Stryker's jest runner instruments a single project. The cross-service specs are
 * left out: they run built code from dist, which Stryker does not mutate.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS configs
const base = require('./jest.config.js');
const [unit, service] = base.projects;

/**
 * JOL_MUTATION_TIERS=unit leaves the service tests out: a quick run while writing unit tests
 * (every service test goes through the access kernel, so each of its mutants runs them all).
 * @default 'unit,service'
 */
const tiers = (process.env.JOL_MUTATION_TIERS ?? 'unit,service').split(',');
const withService = tiers.includes('service');

/**
 * JOL_MUTATION_TESTS=a.test.ts,b.test.ts runs only those test files (paths from the repository
 * root): jest loads every test file that imports a mutated module to find the tests that cover a
 * mutant, and every file imports the kernel through @jol/schema, so a run over the tests beside the
 * mutated files takes seconds per mutant where the whole suite takes minutes.
 */
const only = (process.env.JOL_MUTATION_TESTS ?? '').split(',').filter(Boolean);

module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch:
    only.length > 0
      ? only.map((path) => `<rootDir>/${path}`)
      : [...unit.testMatch, ...(withService ? service.testMatch : [])],
  testPathIgnorePatterns: withService ? ['/node_modules/'] : unit.testPathIgnorePatterns,
  // One store for every run of a Stryker worker, not one per mutant (see the setup's comment).
  ...(withService ? { globalSetup: '<rootDir>/test/src/mutation/jest-global-setup.ts' } : {}),
  testTimeout: base.testTimeout,
};

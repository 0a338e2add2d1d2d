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

module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch: [...unit.testMatch, ...(withService ? service.testMatch : [])],
  testPathIgnorePatterns: withService ? ['/node_modules/'] : unit.testPathIgnorePatterns,
  // One store for every run of a Stryker worker, not one per mutant (see the setup's comment).
  ...(withService ? { globalSetup: '<rootDir>/test/src/mutation/jest-global-setup.ts' } : {}),
  testTimeout: base.testTimeout,
};

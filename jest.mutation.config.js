/**
 * The jest configuration StrykerJS runs (stryker.config.mjs): the unit and service tiers as one
 * project, since Stryker's jest runner instruments a single project. The cross-service specs are
 * left out: they run built code from dist, which Stryker does not mutate.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS configs
const base = require('./jest.config.js');
const [unit, service] = base.projects;

module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch: [...unit.testMatch, ...service.testMatch],
  testPathIgnorePatterns: ['/node_modules/'],
  // One store for every run of a Stryker worker, not one per mutant (see the setup's comment).
  globalSetup: '<rootDir>/test/src/mutation/jest-global-setup.ts',
  testTimeout: base.testTimeout,
};

// @ts-check
import { resolve } from 'node:path';

// The test runners run in a copy of the repository; the store's installation stays in this one.
process.env.JOL_MUTATION_REPO_ROOT = resolve(import.meta.dirname);

/**
 * Mutation testing of the security kernel: `npm run test:mutation` (about half an hour for every
 * file on a busy two-core machine). Not part of `npm test`. By default each mutant runs the unit
 * tests beside the kernel; jest.mutation.config.js says why and how to run others
 * (JOL_MUTATION_TESTS, JOL_MUTATION_TIERS). One file while writing its tests:
 * `npm run test:mutation -- --mutate kernel/src/access/jwt.ts --checkers ""` (the TypeScript
 * checker removes mutants that do not compile, at a cost per mutant).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The machine is shared: one test process, and only the tests that cover each mutant.
  concurrency: 1,
  coverageAnalysis: 'perTest',
  // A mutant in code run at module load (a table, a constant) would run every test that imports
  // the kernel, the whole suite, once per mutant. They are left out: the scores count the mutants
  // in the functions, which is why the kernel's checks are written inside them.
  ignoreStatic: true,
  mutate: [
    'kernel/src/access/policy.ts',
    'schema/src/members/index.ts',
    'kernel/src/access/decide.ts',
    'kernel/src/access/shield.ts',
    'kernel/src/access/jwt.ts',
    'kernel/src/access/signing.ts',
    'kernel/src/audit/chain.ts',
    'statistics/src/suppression.ts',
    'gateway/src/persisted-operations.ts',
    'kernel/src/scalars/pin.ts',
    'kernel/src/scalars/date.ts',
  ],
  ignorePatterns: ['.tools', 'dist', 'reports', 'coverage', 'test-artifacts', '.keys', '.data'],
  timeoutMS: 60_000,
  // The first run, every unit and service test with coverage per test, is slow on a busy machine.
  dryRunTimeoutMinutes: 60,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};

/**
 * Three tiers: unit tests beside the code (*.test.ts, no store), service tests through
 * executeOperation against the real store (*.service.test.ts), and cross-service specs over HTTP
 * (*.spec.ts: test/src/specs, or beside a job or tool). All of them run through @swc/jest, which emits decorator metadata.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  // jose ships ES modules only; jest's CommonJS runtime needs it compiled like our own code.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@jol/schema$': '<rootDir>/schema/src',
    '^@jol/schema/package.json$': '<rootDir>/schema/package.json',
    '^@jol/schema/(.*)$': '<rootDir>/schema/src/$1',
    '^@jol/kernel$': '<rootDir>/kernel/src',
    '^@jol/kernel/package.json$': '<rootDir>/kernel/package.json',
    '^@jol/kernel/(.*)$': '<rootDir>/kernel/src/$1',
    '^@jol/statistics$': '<rootDir>/statistics/src',
    '^@jol/statistics/package.json$': '<rootDir>/statistics/package.json',
    '^@jol/(migration|labour|health|pensions|consular)$': '<rootDir>/services/$1/src',
    '^@jol/gateway$': '<rootDir>/gateway/src',
    '^@jol/client$': '<rootDir>/client/src',
    '^@jol/jobs$': '<rootDir>/jobs/src',
    '^@jol/tools$': '<rootDir>/tools/src',
    '^@jol/testkit$': '<rootDir>/test/src',
    '^@jol/testkit/(.*)$': '<rootDir>/test/src/$1',
  },
  // A mutation-testing run keeps a copy of the repository in .stryker-tmp (stryker.config.mjs).
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.stryker-tmp/'],
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{schema,kernel,statistics,services,gateway,client,jobs,tools,test}/**/src/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.service\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'service',
      testMatch: [
        '<rootDir>/{schema,kernel,statistics,services,gateway,jobs,tools}/**/src/**/*.service.test.ts',
      ],
      globalSetup: '<rootDir>/test/src/store/jest-global-setup.ts',
      globalTeardown: '<rootDir>/test/src/store/jest-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/src/store/record-test-file.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{jobs,tools,test}/src/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/src/store/jest-global-setup.ts',
      globalTeardown: '<rootDir>/test/src/store/jest-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/src/store/record-test-file.ts'],
    },
  ],
  maxWorkers: 2,
  // A global option (per-project values are ignored): specs start processes and a store.
  testTimeout: 120000,
};

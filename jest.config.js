/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
  // Medium and e2e suites share one database server per run; each suite makes its own database.
  testTimeout: 30000,
  reporters: [['default', { summaryThreshold: 0 }], '<rootDir>/test/support/totals-reporter.js'],
};

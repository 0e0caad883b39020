/** One jest run, five projects: npm test runs them all; `npx jest --selectProjects unit` runs one. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };
// every test fails on a call the cloud would refuse (tests/support/breaches.ts)
const guarded = { ...common, setupFilesAfterEnv: ['<rootDir>/tests/support/breaches.ts'] };

module.exports = {
  transform,
  // 30 s, not jest's 5: on a 2-core machine under load a harness (a fresh table on DynamoDB Local) can take more than
  // 5 s to make. A timeout guards against a hang; speed is measured by the bench, never asserted here.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/shared/**/*.test.ts'] },
    { ...guarded, displayName: 'integration', testMatch: ['<rootDir>/functions/**/*.test.ts'] },
    { ...guarded, displayName: 'stack', testMatch: ['<rootDir>/tests/stack/**/*.test.ts'] },
    { ...guarded, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...guarded, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};

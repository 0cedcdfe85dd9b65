/**
 * Five layers, one runner: pure units; use cases on the shared in-memory fakes (no engines); contract
 * tests that hold each fake to its DynamoDB adapter (DynamoDB Local only); integration against every
 * local engine; synthesized infra.
 */
const transform = {
  // transpile only (isolatedModules): `npm run typecheck` does the type checking once for the whole tree
  '^.+\\.(t|j|mj)s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
};
// middy and a few engines ship ESM only; let the transform turn them into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!(@middy|aws-local-stepfunctions|fauxqs|oidc-provider|jose)/)'];
const common = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  setupFiles: ['<rootDir>/test/support/environment.ts'],
};

module.exports = {
  // integration tests start real engines and infra tests bundle every function: generous, never relied on for speed
  testTimeout: 120000,
  // a failed start-up must fail the run, not leave an engine child holding jest open until CI's limit
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'use-cases', testMatch: ['<rootDir>/test/use-cases/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
  ],
};

// Shared Jest settings for every project: SWC transpiles TypeScript (no type-check here; `typecheck`
// targets do that), path aliases mirror tsconfig.base.json, and ESM-only packages are compiled to CJS.
const path = require('node:path');

const root = __dirname;
const esmOnlyPackages = ['@marcbachmann/cel-js', 'uuid'];

// Every wall-time limit in a test is a safety net against a hang; a loaded machine (other work on the
// cores, `npm test` running two projects at once) makes every test slower, so all nets share one factor.
// Resolved here, once, and put into the environment the workers inherit, where the tests' probes read it
// (libs/event-store/src/contract/test-timeouts.ts). CI machines are shared, so they get twice the default.
const resolveTimeoutScale = (environment) => {
  const given = environment.JEST_TIMEOUT_SCALE;
  if (given === undefined || given.trim() === '') return environment.CI && environment.CI !== 'false' ? 2 : 1;
  const scale = Number(given);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`JEST_TIMEOUT_SCALE must be a positive number, not "${given}"`);
  return scale;
};
const timeoutScale = resolveTimeoutScale(process.env);
process.env.JEST_TIMEOUT_SCALE = String(timeoutScale);

module.exports = {
  testEnvironment: 'node',
  testTimeout: 30_000 * timeoutScale,
  cacheDirectory: path.join(root, '.jest-cache'),
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@crm/event-store/contract$': path.join(root, 'libs/event-store/src/contract/index.ts'),
    '^@crm/event-store/stand-in$': path.join(root, 'libs/event-store/src/eventstoredb/stand-in/index.ts'),
    '^@crm/workflow/testing$': path.join(root, 'libs/workflow/src/testing/index.ts'),
    '^@crm/notifications/testing$': path.join(root, 'libs/notifications/src/testing/index.ts'),
    '^@crm/projection-runtime$': path.join(root, 'libs/projection-runtime/src/index.ts'),
    '^@crm/projections$': path.join(root, 'projections/index.ts'),
    '^@crm/projections/testing$': path.join(root, 'projections/testing/index.ts'),
    '^@crm/(api-client|clock|event-store|command-handler|blueprint|workflow|identity|leads|catalog|intake|engine|reactor-runtime|assignment|notifications)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/*.spec.ts'],
};

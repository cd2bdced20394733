// Shared Jest settings for every project: SWC transpiles TypeScript (no type-check here; `typecheck`
// targets do that), path aliases mirror tsconfig.base.json, and ESM-only packages are compiled to CJS.
const path = require('node:path');

const root = __dirname;
const esmOnlyPackages = ['@marcbachmann/cel-js', 'uuid'];

module.exports = {
  testEnvironment: 'node',
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
    '^@crm/projection-runtime$': path.join(root, 'libs/projection-runtime/src/index.ts'),
    '^@crm/projections$': path.join(root, 'projections/index.ts'),
    '^@crm/projections/testing$': path.join(root, 'projections/testing/index.ts'),
    '^@crm/(clock|event-store|blueprint|workflow|identity|engine)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/*.spec.ts'],
};

// Loads the bench (and the libs and app it measures) straight from TypeScript, so `npm run bench` needs no
// build step: SWC (already the dev dependency Jest transpiles with) compiles each `.ts` file as Node
// requires it, and the `@crm/*` aliases of tsconfig.base.json resolve to their source files.
// Used as `node -r ./apps/bench/register-typescript.js <file.ts>`; plain CommonJS because it is what
// makes TypeScript loadable in the first place.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'tsconfig.base.json'), 'utf8'));
const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.resolve(repositoryRoot, target)]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

// Same settings as jest.preset.js (Nest needs legacy decorators with their design-time metadata); in a
// JSON file because the CPU-profile summary compiles again with them to map lines back to the sources.
const swcOptions = require('./swc-options.json');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(transformSync(source, { ...swcOptions, filename }).code, filename);
};

'use strict';
// Lets Node run the workspace's TypeScript with no build step: `.ts` files are compiled on require by
// @swc/core (what Jest uses here too) and the path aliases of tsconfig.base.json (`@crm/...`) resolve to
// their sources. Types are not checked here; `npm run typecheck` does that.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const workspaceRoot = path.resolve(__dirname, '..', '..', '..');

const readPaths = () => {
  const text = fs.readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8');
  try {
    return JSON.parse(text).compilerOptions.paths;
  } catch {
    // tsconfig allows comments and trailing commas; TypeScript's own reader takes them (slower, so only then).
    const ts = require('typescript');
    return ts.parseConfigFileTextToJson('tsconfig.base.json', text).config.compilerOptions.paths;
  }
};

const aliases = new Map(Object.entries(readPaths()).map(([alias, [target]]) => [alias, path.join(workspaceRoot, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

const swcOptions = (filename) => ({
  filename,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(transformSync(source, swcOptions(filename)).code, filename);
};

process.setSourceMapsEnabled(true);

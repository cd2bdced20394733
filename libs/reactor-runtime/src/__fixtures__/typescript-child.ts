import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repositoryRoot = resolve(__dirname, '../../../..');

const aliases = (): Record<string, string> => {
  const { compilerOptions } = JSON.parse(readFileSync(join(repositoryRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, join(repositoryRoot, target)]));
};

// There is no build step: the child compiles the TypeScript it requires with @swc/core (the dev
// dependency Jest transpiles with) and maps the path aliases of tsconfig.base.json.
const bootstrap = (): string => `
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const aliases = ${JSON.stringify(aliases())};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return resolveFilename.call(this, aliases[request] ?? request, ...rest); };
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  module._compile(transformSync(source, options).code, filename);
};
require(process.argv[1]);
`;

/** Runs a TypeScript file of this repository in a process of its own, with `args` after it. */
export const spawnTypeScript = (script: string, args: readonly string[]): ChildProcessWithoutNullStreams =>
  spawn(process.execPath, ['-e', bootstrap(), script, ...args], { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'pipe'] });

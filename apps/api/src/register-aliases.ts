import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * The compiled app lives in dist/ with the same layout as the sources; point the `@crm/*` aliases of
 * tsconfig.base.json at the compiled files. Only the built app needs this (Jest maps aliases itself).
 */
const distRoot = resolve(__dirname, '..', '..', '..');
const repositoryRoot = resolve(distRoot, '..');
const { compilerOptions } = JSON.parse(readFileSync(join(repositoryRoot, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const compiledPaths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, targets]) => [alias, targets.map((target) => target.replace(/\.ts$/, '.js'))]),
);
register({ baseUrl: distRoot, paths: compiledPaths });

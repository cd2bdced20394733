// `npm run build` (and so `npm start`) builds the web app into dist/web with Vite, skipping the build when
// nothing it is made from changed since the last one: a stamp of the inputs' contents is kept beside it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = join(root, 'dist', 'web');
const stampFile = join(outDir, '.inputs.sha256');
const inputs = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts', 'apps/web/tsconfig.json', 'libs/api-client/src', 'libs/blueprint/src', 'libs/catalog/src/money', 'package-lock.json'];

const filesUnder = (path) => {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [absolute];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) =>
    entry.name.endsWith('.test.tsx') || entry.name.endsWith('.test.ts') || entry.name.includes('.spec.') ? [] : filesUnder(join(path, entry.name)),
  );
};

const inputsDigest = () => {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder).sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
};

const digest = inputsDigest();
const force = process.argv.includes('--force');
if (!force && existsSync(join(outDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) {
  process.stdout.write('web app: up to date (dist/web)\n');
} else {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps', 'web', 'vite.config.mts'), logLevel: 'warn' });
  writeFileSync(stampFile, digest);
  process.stdout.write('web app: built into dist/web\n');
}

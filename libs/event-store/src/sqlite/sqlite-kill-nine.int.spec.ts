import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { systemClock } from '@crm/clock';
import { scaledTimeout } from '../contract';
import { SqliteEventStore } from './sqlite-event-store';

const repositoryRoot = resolve(__dirname, '../../../..');
const writerScript = join(__dirname, 'sqlite-kill-nine-writer.fixture.ts');

// There is no build step: the child compiles the TypeScript it requires with @swc/core (already a dev
// dependency for Jest) and maps the one path alias the adapter uses.
const swcBootstrap = `
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const aliases = { '@crm/clock': ${JSON.stringify(join(repositoryRoot, 'libs/clock/src/index.ts'))} };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return resolveFilename.call(this, aliases[request] ?? request, ...rest); };
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  module._compile(transformSync(source, options).code, filename);
};
require(process.argv[1]);
`;

interface Acknowledged {
  readonly stream: string;
  readonly ids: string[];
  readonly lastRevision: number;
}

/** Runs the writer, kills it with SIGKILL once `acknowledgements` appends were acknowledged, returns them. */
const writeThenKill = (directory: string, acknowledgements: number): Promise<Acknowledged[]> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', swcBootstrap, writerScript, directory], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: Acknowledged[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') return;
      acknowledged.push(JSON.parse(line) as Acknowledged);
      if (acknowledged.length === acknowledgements) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`the writer ended without being killed (signal ${signal}): ${stderr}`));
    });
  });

describe('SqliteEventStore killed with SIGKILL', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'crm-event-store-kill-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it(
    'given a writer killed mid-stream, when the store is reopened, then every acknowledged append is there and streams have no gap',
    async () => {
      const acknowledged = await writeThenKill(directory, 400);
      expect(existsSync(join(directory, 'events.sqlite-wal'))).toBe(true);

      const store = await SqliteEventStore.open({ directory, clock: systemClock });
      try {
        for (const { stream, ids, lastRevision } of acknowledged) {
          const stored = await store.readStream(stream, { fromRevision: lastRevision - 1, maxCount: 2 });
          expect(stored.map((event) => event.id)).toEqual(ids);
        }
        for (let writer = 0; writer < 16; writer += 1) {
          const revisions = (await store.readStream(`crash-${writer}`)).map((event) => event.revision);
          expect(revisions).toEqual(revisions.map((_, index) => index));
        }
      } finally {
        await store.close();
      }
    },
    scaledTimeout(30_000),
  );
});

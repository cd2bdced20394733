import { mkdirSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@crm/clock';
import type { CliIo } from '../cli-io';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** In-process I/O for command tests: output kept as text, a fixed environment, the given clock. */
export const capturedIo = (cwd: string, clock: Clock, env: Record<string, string> = {}): CapturedIo => {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    cwd,
    clock,
    out: () => out,
    err: () => err,
  };
};

/** A temp workspace with `data/` and a `blueprints/` folder holding the test opportunity blueprint and the account blueprint its deals reference. */
export const cliWorkspace = (): { root: string; dataDir: string; blueprintsDir: string } => {
  const root = mkdtempSync(join(tmpdir(), 'crm-cli-'));
  const blueprintsDir = join(root, 'blueprints');
  mkdirSync(blueprintsDir);
  for (const file of ['opportunity.blueprint.yaml', 'account.blueprint.yaml']) copyFileSync(join(__dirname, file), join(blueprintsDir, file));
  return { root, dataDir: join(root, 'data'), blueprintsDir };
};

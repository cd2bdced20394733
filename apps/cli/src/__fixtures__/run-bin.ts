import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { scaledTimeout } from '@crm/event-store/contract';

/** The real launcher, as a user runs it. */
export const CRM_BIN = resolve(__dirname, '..', '..', 'bin', 'crm.js');

export interface BinRun {
  readonly exitCode: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `node bin/crm.js …` in a child process with only the given CRM_* variables (none inherited from
 * the shell running the tests), so environment handling is tested as well.
 */
export const runBin = (args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<BinRun> => {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CRM_') && name !== 'EVENTSTORE_CONNECTION_STRING'));
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [CRM_BIN, ...args], { cwd: options.cwd, env: { ...inherited, ...options.env }, timeout: scaledTimeout(60_000) }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolvePromise({ exitCode: error ? (error.code as number) : 0, out: stdout, err: stderr });
    });
  });
};

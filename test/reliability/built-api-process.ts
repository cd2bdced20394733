import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { scaledTimeout } from '@crm/event-store/contract';
import { repositoryRoot } from '../e2e/api-harness';

export const builtApiMain = join(repositoryRoot, 'dist/apps/api/src/main.js');

/** Compiles the app as `npm start` does (`npm run build`), so the tests run what users run. */
export const buildApi = (): void => {
  execFileSync('npm', ['run', 'build'], { cwd: repositoryRoot, stdio: 'pipe' });
};

/**
 * The built app (`node dist/apps/api/src/main.js`) in a child process on a given data directory and port.
 * `main.ts` prints `listening on <url>` once it serves; that line is what `start` waits for.
 */
export class BuiltApiProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(dataDirectory: string, port: number, timeoutMs = scaledTimeout(30_000)): Promise<BuiltApiProcess> {
    const child = spawn(process.execPath, [builtApiMain], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        CRM_DATA_DIR: dataDirectory,
        CRM_BLUEPRINTS_DIR: join(repositoryRoot, 'blueprints'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = `http://127.0.0.1:${port}`;
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the API did not listen on ${url} within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes(`listening on ${url}`)) {
          clearTimeout(timer);
          child.removeListener('exit', onExit);
          const running = new BuiltApiProcess(child, url);
          running.output = output;
          child.stdout?.on('data', (more: Buffer) => (running.output += more.toString()));
          child.stderr?.on('data', (more: Buffer) => (running.output += more.toString()));
          resolve(running);
        }
      };
      const onExit = (code: number | null, signal: string | null): void => {
        clearTimeout(timer);
        reject(new Error(`the API exited (${code ?? signal}) before listening:\n${output}`));
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
    });
  }

  /** Everything the process printed so far. */
  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

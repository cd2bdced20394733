import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '../e2e/api-harness';
import type { ManualApiOrder, ManualApiReport, ManualTurn } from './manual-api-process';

const processScript = join(__dirname, 'manual-api-process.ts');
const registerTypescript = join(repositoryRoot, 'apps', 'bench', 'register-typescript.js');

/**
 * The API process of a kill -9 test (`manual-api-process.ts`), spoken to over IPC: the test sets its clock
 * and runs its turns, kills it with SIGKILL at the moments it chooses, and starts another on the same data
 * directory.
 */
export class ManualApiChild {
  readonly exited: Promise<void>;
  /** Turns that failed, with their error: a crash test expects none. */
  readonly failures: string[] = [];
  private ran: (() => void) | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly output: string[],
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.on('message', (report: ManualApiReport) => {
      if (report.type === 'failed') this.failures.push(report.error);
      if (report.type !== 'listening') this.ran?.();
    });
  }

  static start(dataDirectory: string, at: string, turn: ManualTurn): Promise<ManualApiChild> {
    const child = spawn(process.execPath, ['-r', registerTypescript, processScript, dataDirectory, at, turn], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return new Promise((resolve, reject) => {
      const exited = (code: number | null): void => reject(new Error(`the API process exited (${String(code)}) before listening:\n${output.join('')}`));
      child.once('exit', exited);
      child.once('message', (report: ManualApiReport) => {
        child.removeListener('exit', exited);
        if (report.type === 'listening') resolve(new ManualApiChild(child, report.url, output));
        else reject(new Error(`the API process reported ${report.type} before listening:\n${output.join('')}`));
      });
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** One turn at `at`: `ran`, or `killed` if the process died during it (or before). */
  async run(at: string): Promise<'ran' | 'killed'> {
    if (!this.running) return 'killed';
    const ran = new Promise<'ran'>((resolve) => (this.ran = () => resolve('ran')));
    // A process killed meanwhile closed the channel; `exited` answers for it.
    this.child.send({ type: 'run', at } satisfies ManualApiOrder, () => undefined);
    const outcome = await Promise.race([ran, this.exited.then(() => 'killed' as const)]);
    this.ran = null;
    return outcome;
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** As on SIGTERM: the IPC channel closes, the app closes, the process exits. */
  async stop(): Promise<void> {
    if (this.running) this.child.disconnect();
    await this.exited;
  }

  get log(): string {
    return this.output.join('');
  }
}

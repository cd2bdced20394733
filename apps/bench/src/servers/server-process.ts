import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CpuProfiler } from '../measure/cpu-profiler';

/** Messages between a bench case and the server process it measures (IPC). */
export type ServerMessage =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'peak-rss'; readonly mib: number }
  | { readonly type: 'peak-rss?' }
  | { readonly type: 'profile-start' }
  | { readonly type: 'profile-stop'; readonly file: string }
  | { readonly type: 'profile-done' }
  | { readonly type: 'stop' };

const registerTypescript = join(__dirname, '..', '..', 'register-typescript.js');

const START_LIMIT_MS = 300_000;

/** A server under measurement in its own process, so its CPU and its peak RSS are its own. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(script: string, args: readonly string[]): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['-r', registerTypescript, script, ...args], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      // A safety net against a hang: the API server first catches its read models and reactors up on the
      // seeded records, which took over a minute on this shared machine under load (load average 12).
      const timer = setTimeout(() => reject(new Error(`${script} did not start listening within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
      child.on('message', (message: ServerMessage) => {
        if (message.type !== 'listening') return;
        clearTimeout(timer);
        resolve(message.url);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited (${code ?? signal}) before listening`));
      });
    });
    return new ServerProcess(child, url);
  }

  private ask<Answer extends ServerMessage['type']>(question: ServerMessage, answer: Answer): Promise<Extract<ServerMessage, { type: Answer }>> {
    return new Promise((resolve) => {
      const onMessage = (message: ServerMessage): void => {
        if (message.type !== answer) return;
        this.child.off('message', onMessage);
        resolve(message as Extract<ServerMessage, { type: Answer }>);
      };
      this.child.on('message', onMessage);
      this.child.send(question);
    });
  }

  async peakRssMiB(): Promise<number> {
    return (await this.ask({ type: 'peak-rss?' }, 'peak-rss')).mib;
  }

  /** Profiles the server from now until `stopProfile` when `directory` is set (`--profile`). */
  async startProfile(directory: string | null): Promise<void> {
    if (directory !== null) await this.ask({ type: 'profile-start' }, 'profile-done');
  }

  async stopProfile(directory: string | null, name: string): Promise<void> {
    if (directory !== null) await this.ask({ type: 'profile-stop', file: join(directory, `${name}.cpuprofile`) }, 'profile-done');
  }

  /** Asks the server to close cleanly and waits for it to exit. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop' } satisfies ServerMessage);
    });
  }
}

/** The server side: announces its URL, answers peak-RSS questions, closes on request. */
export const serveBenchControl = (url: string, close: () => Promise<void>): void => {
  const send = (message: ServerMessage): void => {
    process.send?.(message);
  };
  let profiler: CpuProfiler | null = null;
  const fail = (error: unknown): void => {
    process.stderr.write(`bench control: ${String(error)}\n`);
    process.exit(1);
  };
  process.on('message', (message: ServerMessage) => {
    if (message.type === 'peak-rss?') send({ type: 'peak-rss', mib: process.resourceUsage().maxRSS / 1024 });
    if (message.type === 'profile-start') {
      CpuProfiler.start().then((started) => {
        profiler = started;
        send({ type: 'profile-done' });
      }, fail);
    }
    if (message.type === 'profile-stop' && profiler) {
      profiler.stop(message.file).then(() => send({ type: 'profile-done' }), fail);
      profiler = null;
    }
    if (message.type === 'stop') {
      void close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`failed to close: ${String(error)}\n`);
          process.exit(1);
        },
      );
    }
  });
  send({ type: 'listening', url });
};

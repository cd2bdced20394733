import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * One piece of a case run in a process of its own: its peak RSS (`getrusage` maxrss, a high-water mark)
 * is then its own, not the generation's or the reference's that ran before it in the case process.
 * The task file calls `serveChildTask`; the case calls `runChildTask` with the task's input (JSON).
 */
type ChildTaskMessage<Result> = { readonly type: 'result'; readonly result: Result } | { readonly type: 'error'; readonly message: string };

const registerTypescript = join(__dirname, '..', 'register-typescript.js');

export const runChildTask = <Input, Result>(script: string, input: Input): Promise<Result> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', registerTypescript, script, JSON.stringify(input)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: ChildTaskMessage<Result> | null = null;
    child.on('message', (message: ChildTaskMessage<Result>) => {
      answer = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const received = answer as ChildTaskMessage<Result> | null;
      if (received?.type === 'result') resolve(received.result);
      else reject(new Error(`${script} ${received?.type === 'error' ? `failed: ${received.message}` : `exited with ${code ?? signal} without a result`}`));
    });
  });

/** The task side: runs `task` on the input given on the command line and sends its result back. */
export const serveChildTask = <Input, Result>(task: (input: Input) => Promise<Result>): void => {
  const send = (message: ChildTaskMessage<Result>, exitCode: number): void => {
    if (process.send) process.send(message, () => process.exit(exitCode));
    else {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      process.exit(exitCode);
    }
  };
  const inputJson = process.argv[2];
  if (inputJson === undefined) throw new Error(`usage: ${process.argv[1]} <input JSON>`);
  task(JSON.parse(inputJson) as Input).then(
    (result) => send({ type: 'result', result }, 0),
    (error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 1),
  );
};

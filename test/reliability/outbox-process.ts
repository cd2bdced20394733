import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { startApi } from '../../apps/api/src/start-api';

/** What the test tells the process: set the clock, then run the outbox once (its reactors, then what is due). */
export interface OutboxOrder {
  readonly type: 'run';
  readonly at: string;
}

export type OutboxReport =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'ran' }
  | { readonly type: 'failed'; readonly error: string };

const repositoryRoot = join(__dirname, '..', '..');

/**
 * One API process for the outbox crash test (`outbox-crash.reliability.spec.ts`), on an injected clock
 * the test sets: its reactors and deliveries run only when told (`outbox.runDue()`), so the test chooses
 * the moments it kills it at. Run as `node -r ./apps/bench/register-typescript.js outbox-process.ts
 * <data directory> <now>` with an IPC channel.
 */
const main = async (): Promise<void> => {
  const [dataDirectory, now] = process.argv.slice(2);
  if (dataDirectory === undefined || now === undefined) throw new Error('usage: outbox-process.ts <data directory> <now>');
  const clock = new ManualClock(now);
  const api = await startApi(
    {
      port: 0,
      host: '127.0.0.1',
      dataDirectory,
      blueprintsDirectory: join(repositoryRoot, 'blueprints'),
      usersFile: join(dataDirectory, 'users.yaml'),
      eventStore: 'sqlite',
      eventStoreConnectionString: undefined,
      tokenSecret: undefined,
      bodyLimit: 1024 * 1024,
    },
    { clock, logger: false, outbox: 'manual' },
  );
  const report = (message: OutboxReport): void => {
    process.send?.(message);
  };
  process.on('message', (order: OutboxOrder) => {
    clock.set(order.at);
    api.outbox.runDue().then(
      () => report({ type: 'ran' }),
      (error: unknown) => report({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.once('disconnect', () => {
    void api.close().then(() => process.exit(0));
  });
  report({ type: 'listening', url: api.url });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

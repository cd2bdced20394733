import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { startApi } from '../../apps/api/src/start-api';

/** What the test tells the process: set the clock, then fire the timers due (once the timers read model has followed the log). */
export interface QuoteToCashOrder {
  readonly type: 'run';
  readonly at: string;
}

export type QuoteToCashReport = { readonly type: 'listening'; readonly url: string } | { readonly type: 'ran' } | { readonly type: 'failed'; readonly error: string };

const repositoryRoot = join(__dirname, '..', '..');

/**
 * One API process for the quote-to-cash crash test (`quote-to-cash-crash.reliability.spec.ts`), on an
 * injected clock the test sets. Its engine's reactors (quote acceptance, renewals, payment delays) follow
 * the log from the start; its timers fire only when told, so the test chooses the moments to kill it at.
 * Run as `node -r ./apps/bench/register-typescript.js quote-to-cash-process.ts <data directory> <now>`
 * with an IPC channel.
 */
const main = async (): Promise<void> => {
  const [dataDirectory, now] = process.argv.slice(2);
  if (dataDirectory === undefined || now === undefined) throw new Error('usage: quote-to-cash-process.ts <data directory> <now>');
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
    { clock, logger: false, timers: 'manual', outbox: 'manual' },
  );
  const report = (message: QuoteToCashReport): void => {
    process.send?.(message);
  };
  const run = async (at: string): Promise<void> => {
    clock.set(at);
    const head = await api.engine.store.headPosition();
    if (head !== null) await api.projections.waitForPosition(head, 60_000);
    await api.timers.runDue();
  };
  process.on('message', (order: QuoteToCashOrder) => {
    run(order.at).then(
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

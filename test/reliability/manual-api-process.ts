import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { localApiSettings, startApi } from '../../apps/api/src/start-api';

/**
 * What one turn of the process does when the test says so:
 * - `outbox`: the notification outbox once (its reactors, then the deliveries due);
 * - `timers`: once the timers read model has followed the log, the timers due (the engine's reactors
 *   follow the log on their own from the start).
 */
export type ManualTurn = 'outbox' | 'timers';

/** What the test tells the process: set the clock, then run one turn. */
export interface ManualApiOrder {
  readonly type: 'run';
  readonly at: string;
}

export type ManualApiReport = { readonly type: 'listening'; readonly url: string } | { readonly type: 'ran' } | { readonly type: 'failed'; readonly error: string };

const repositoryRoot = join(__dirname, '..', '..');

const isTurn = (value: string | undefined): value is ManualTurn => value === 'outbox' || value === 'timers';

/**
 * One API process for the kill -9 tests (`ManualApiProcess` drives it), on an injected clock the test sets:
 * the automatic steps of its turn run only when told, so the test chooses the moments it kills it at.
 * Run as `node -r ./apps/bench/register-typescript.js manual-api-process.ts <data directory> <now> <turn>`
 * with an IPC channel.
 */
const main = async (): Promise<void> => {
  const [dataDirectory, now, turn] = process.argv.slice(2);
  if (dataDirectory === undefined || now === undefined || !isTurn(turn)) throw new Error('usage: manual-api-process.ts <data directory> <now> <outbox|timers>');
  const clock = new ManualClock(now);
  const api = await startApi(
    localApiSettings(dataDirectory, join(repositoryRoot, 'blueprints')),
    turn === 'outbox' ? { clock, logger: false, outbox: 'manual' } : { clock, logger: false, timers: 'manual', outbox: 'manual' },
  );
  const runTurn = async (): Promise<void> => {
    if (turn === 'outbox') {
      await api.outbox.runDue();
      return;
    }
    const head = await api.engine.store.headPosition();
    if (head !== null) await api.projections.waitForPosition(head, 60_000);
    await api.timers.runDue();
  };
  const report = (message: ManualApiReport): void => {
    process.send?.(message);
  };
  process.on('message', (order: ManualApiOrder) => {
    clock.set(order.at);
    runTurn().then(
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

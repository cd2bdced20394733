import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '@crm/clock';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { ReactorRuntime } from '../reactor-runtime';
import { REACTOR_STREAM_PREFIX } from '../reactor-stream';
import { countingReactor, Tallies } from './tallies';

/** What the child tells its parent, one JSON object per line. */
export type ProcessReport =
  | { readonly kind: 'state'; readonly state: string }
  /** A checkpoint after acknowledged commands is about to be appended, 5 s from now (the first one only). */
  | { readonly kind: 'checkpoint-pending' }
  | { readonly kind: 'stopped'; readonly sent: number };

const report = (line: ProcessReport): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * Holds the first checkpoint that follows acknowledged commands for 5 s and says so first, so the parent
 * can kill the process after the commands were stored and before their checkpoint is, even on a starved
 * machine. Later checkpoints go straight through. The child's only other appends are its reactor's tallies.
 */
const withSlowCheckpoints = (store: EventStore): EventStore => {
  let acknowledgedSinceCheckpoint = false;
  let held = false;
  return {
    kind: store.kind,
    append: async (stream, events, expectedRevision) => {
      if (!stream.startsWith(REACTOR_STREAM_PREFIX)) {
        const appended = await store.append(stream, events, expectedRevision);
        acknowledgedSinceCheckpoint = true;
        return appended;
      }
      if (acknowledgedSinceCheckpoint && !held) {
        held = true;
        report({ kind: 'checkpoint-pending' });
        await sleep(5_000);
      }
      acknowledgedSinceCheckpoint = false;
      return store.append(stream, events, expectedRevision);
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => store.subscribe(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
};

/**
 * Child process of `two-processes.int.spec.ts`: an API process's reactor runtime on a shared data
 * directory. Reports state changes; on SIGTERM stops cleanly and reports how many commands it sent.
 * Usage: node <swc bootstrap> reactor-process.fixture.ts <directory> <holder> <leaseMs>
 */
const run = async (directory: string, holder: string, leaseMs: number): Promise<void> => {
  const store = withSlowCheckpoints(await SqliteEventStore.open({ directory, clock: systemClock, livePollIntervalMs: 20 }));
  const tallies = new Tallies(store, systemClock);
  const runtime = new ReactorRuntime<Tallies>({
    store,
    dispatcher: tallies,
    reactors: [countingReactor()],
    clock: systemClock,
    holder,
    leaseMs,
    standbyPollMs: 20,
    onStateChange: (change) => report({ kind: 'state', state: change.state }),
  });
  process.once('SIGTERM', () => {
    void runtime
      .stop()
      .then(() => store.close())
      .then(() => {
        report({ kind: 'stopped', sent: tallies.sent });
        process.exit(0);
      });
  });
  await runtime.start();
};

const [directory, holder, leaseMs] = process.argv.slice(-3);
if (directory === undefined || holder === undefined || leaseMs === undefined) throw new Error('usage: reactor-process.fixture.ts <directory> <holder> <leaseMs>');
run(directory, holder, Number(leaseMs)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

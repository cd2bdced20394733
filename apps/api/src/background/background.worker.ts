import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { ProjectionRunner, ReadModelDatabase } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { RECORD_EVENT_SCHEMAS } from '@crm/workflow';
import { logProjectionFailures, type AutomationLog } from './api-automation';
import { carried, type BackgroundData, type BackgroundRequest, type FromBackground, type ToBackground } from './background-protocol';

/**
 * The API's background worker (README, Architecture: the API process): the live projections, on
 * connections of their own to the store (read-only: the worker never appends, so it never holds the
 * store's write lock) and to the read-model file, so that applying read-model batches never takes the
 * request thread's turn.
 */

/**
 * Events the request thread appends reach this thread's subscriptions by polling (a SQLite connection
 * learns of another's commits only by asking); short, since read-your-writes waits on it. Each poll is a
 * lookup of the head on an index.
 */
const LIVE_POLL_INTERVAL_MS = 5;

const port = parentPort;
if (port === null) throw new Error('background.worker runs as a worker thread of the API (startApi)');
const { settings } = workerData as BackgroundData;
const post = (message: FromBackground): void => port.postMessage(message);
const log: AutomationLog = (level, context, message) => post({ kind: 'log', level, context, message });
const clock = systemClock;

const open = async () => {
  const store = await SqliteEventStore.open({ directory: settings.dataDirectory, clock, schemas: RECORD_EVENT_SCHEMAS, livePollIntervalMs: LIVE_POLL_INTERVAL_MS, readOnly: true });
  let readModels: ReadModelDatabase;
  try {
    readModels = ReadModelDatabase.open({ directory: settings.readModelsDirectory });
  } catch (error) {
    await store.close();
    throw error;
  }
  const projections = new ProjectionRunner({
    store,
    readModels,
    projections: crmProjections(),
    clock,
    onStateChange: (change) => {
      logProjectionFailures(log)(change);
      post({ kind: 'projection-state', change });
    },
  });
  const close = async (): Promise<void> => {
    await projections.stop();
    readModels.close();
    await store.close();
  };
  try {
    // Installs each read model (rebuilding one whose version changed), then catches up in the background.
    await projections.start();
  } catch (error) {
    await close();
    throw error;
  }
  return { projections, close };
};

const answer = async (parts: Awaited<ReturnType<typeof open>>, request: BackgroundRequest): Promise<unknown> => {
  if (request.op === 'status') return parts.projections.status();
  return parts.projections.rebuild(request.name);
};

type Opened = Awaited<ReturnType<typeof open>>;

// Loaded while the request thread opens the engine; opened when it says so (its store and read models exist then).
let opening: Promise<Opened | null> | null = null;
let opened: Opened | null = null;
let stopping = false;
port.on('message', (message: ToBackground) => {
  if (message.kind === 'open') {
    opening ??= open().then(
      (parts) => {
        opened = parts;
        post({ kind: 'ready' });
        return parts;
      },
      (error: unknown) => {
        post({ kind: 'start-failed', error: carried(error) });
        return null;
      },
    );
    return;
  }
  if (message.kind === 'request') {
    if (opened === null) return void post({ kind: 'refused', id: message.id, error: { name: 'Error', message: 'the background worker is not open' } });
    answer(opened, message.request).then(
      (value) => post({ kind: 'answer', id: message.id, value }),
      (error: unknown) => post({ kind: 'refused', id: message.id, error: carried(error) }),
    );
    return;
  }
  if (stopping) return;
  stopping = true;
  // What the reactors and runners had under way completes and is durable before the thread says so.
  void (opening ?? Promise.resolve(null))
    .then((parts) => parts?.close())
    .then(
      () => post({ kind: 'stopped', error: null }),
      (error: unknown) => post({ kind: 'stopped', error: carried(error) }),
    );
});

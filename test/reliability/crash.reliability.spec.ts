import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from '@crm/engine';
import { comparePositions, parsePosition, SqliteEventStore, type Position, type StoredEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { countEvents, projectionDigest, ReadModelDatabase, readCheckpoint, replayProjections } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { repositoryRoot } from '../e2e/api-harness';
import { buildApi, BuiltApiProcess } from './built-api-process';
import { freePort } from './free-port';
import { reliabilitySeed } from './reliability-seed';
import { systemClock } from '@crm/clock';
import { openAccess } from '@crm/workflow';

/**
 * The built app (`node dist/apps/api/src/main.js`) serves concurrent clients that open opportunities and
 * walk them through guarded transitions, each write with its own Idempotency-Key. It is killed with
 * SIGKILL at seeded random moments and restarted on the same data directory. A write whose connection
 * died is in doubt: the client retries it with the same key once the app is back. Afterwards every
 * acknowledged write is in its record's history exactly once, and no retried write is stored twice.
 * The app also keeps the read models live; killed mid-batch (while catching up on events written while
 * it was down, or under load), each resumes from its checkpoint, so after the last restart every read
 * model must equal a rebuild from the events (exactly-once checkpoints).
 */

const KILLS = 10;
const CLIENTS = 8;
const PROJECTION_KILLS = 6;
const PROJECTION_CLIENTS = 4;
/**
 * Deals written straight into the store while the app is down, so each restart has a backlog to catch up
 * on: enough that the read models (applied in the API's background worker) are still behind it for a
 * while after the app listens, on a quiet machine too.
 */
const BACKLOG_DEALS = 400;
const USERS = ['rita', 'raj'] as const;
type User = (typeof USERS)[number];

/**
 * Each record: opened, then walked through three guarded transitions, each supplying what it requires
 * (negotiating would first need the proposal task done, a write of another kind; closing as lost from
 * proposal still cancels that task and the stage's timer, so the walk exercises those too).
 */
const WALK: readonly { readonly event: string; readonly fields: Record<string, string | number> }[] = [
  { event: 'analyze_needs', fields: { budget: 150_000, decisionMaker: 'Ned Flanders', timeline: '2026-11-30' } },
  { event: 'propose', fields: { proposalDocument: 'https://docs.example/proposals/crash' } },
  { event: 'close_lost', fields: { lossReason: 'timing' } },
];

interface Write {
  readonly user: User;
  readonly key: string;
  readonly recordId: string;
  /** `open`, or the transition's event. */
  readonly action: string;
  attempts: number;
  /** The kills during which this write was in flight and its connection died (unacknowledged, in doubt). */
  readonly inDoubtAt: number[];
  acknowledged: boolean;
  answeredEventIds: string[];
}

/** Whether the app is up; clients wait here while it is down, then retry what was in flight. */
class AppAvailability {
  private waiting: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  kills = 0;

  ready(): Promise<void> {
    return this.waiting;
  }

  goingDown(): void {
    this.kills += 1;
    this.waiting = new Promise((resolve) => (this.release = resolve));
  }

  up(): void {
    this.release();
  }
}

class UnexpectedAnswer extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash: the built API killed with SIGKILL under concurrent load', () => {
  let dataDirectory: string;

  beforeAll(() => {
    buildApi();
    dataDirectory = mkdtempSync(join(tmpdir(), 'crm-crash-'));
  }, scaledTimeout(180_000));

  afterAll(() => {
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it(`given ${CLIENTS} clients writing with Idempotency-Keys, when the app is killed ${KILLS} times and restarted, then every acknowledged write is stored exactly once and no retry is stored twice`, async () => {
    const seed = reliabilitySeed('crash');
    // Kill moments: 150–900 ms after the app is back, so kills land mid-open, mid-transition and mid-commit.
    const killDelays = fc.sample(fc.integer({ min: 150, max: 900 }), { seed, numRuns: KILLS });
    const port = await freePort();
    const availability = new AppAvailability();
    let app = await BuiltApiProcess.start(dataDirectory, port);
    const tokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<User, { token: string }>;
    const headAfterKill: Position[] = [];
    const writes: Write[] = [];
    let stopping = false;

    const send = async (write: Write, method: string, path: string, body: object): Promise<void> => {
      for (;;) {
        await availability.ready();
        const killsBefore = availability.kills;
        write.attempts += 1;
        if (write.attempts > 50) throw new Error(`write ${write.key} was not acknowledged after 50 attempts`);
        try {
          const response = await fetch(`${app.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${tokens[write.user].token}`, 'content-type': 'application/json', 'idempotency-key': write.key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(scaledTimeout(20_000)),
          });
          const text = await response.text();
          if (response.status < 200 || response.status >= 300) throw new UnexpectedAnswer(`${method} ${path} (${write.key}): ${response.status} ${text}`);
          write.acknowledged = true;
          write.answeredEventIds = (JSON.parse(text) as { events: { id: string }[] }).events.map((event) => event.id);
          return;
        } catch (error) {
          if (error instanceof UnexpectedAnswer) throw error;
          // The connection died with the app: the write may or may not be stored. Retried with the same key.
          if (availability.kills === killsBefore) await sleep(20);
          write.inDoubtAt.push(availability.kills);
        }
      }
    };

    const client = async (index: number): Promise<void> => {
      const user = USERS[index % USERS.length] as User;
      for (let record = 0; !stopping; record += 1) {
        const recordId = `crash-${seed}-c${index}-r${record}`;
        const write = (action: string): Write => {
          const created: Write = { user, key: `${recordId}-${action}`, recordId, action, attempts: 0, inDoubtAt: [], acknowledged: false, answeredEventIds: [] };
          writes.push(created);
          return created;
        };
        await send(write('open'), 'POST', '/records/opportunity', { id: recordId, fields: { name: `Crash deal ${index}/${record}` } });
        for (const step of WALK) {
          if (stopping) return;
          await send(write(step.event), 'POST', `/records/opportunity/${recordId}/transitions`, { event: step.event, fields: step.fields });
        }
      }
    };

    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    try {
      for (const delay of killDelays) {
        await sleep(delay);
        availability.goingDown();
        await app.kill('SIGKILL');
        app = await BuiltApiProcess.start(dataDirectory, port);
        const health = (await (await fetch(`${app.url}/health`, { headers: { authorization: `Bearer ${tokens.rita.token}` } })).json()) as { store: { headPosition: string } };
        headAfterKill.push(parsePosition(health.store.headPosition));
        availability.up();
      }
      stopping = true;
      await clients;
    } finally {
      stopping = true;
      availability.up();
      await app.kill('SIGTERM');
    }

    const store = await SqliteEventStore.open({ directory: dataDirectory, clock: systemClock, readOnly: true });
    const histories = new Map<string, StoredEvent[]>();
    try {
      for (const recordId of new Set(writes.map((write) => write.recordId))) histories.set(recordId, await store.readStream(`opportunity-${recordId}`));
    } finally {
      await store.close();
    }

    const problems: string[] = [];
    let storedBeforeTheKill = 0;
    for (const write of writes) {
      const history = histories.get(write.recordId) ?? [];
      const own = history.filter((event) => event.metadata['commandId'] === `idempotency:${write.user}:${write.key}`);
      const decisive = own.filter((event) =>
        write.action === 'open' ? event.type === 'RecordOpened' : event.type === 'Transitioned' && event.data['event'] === write.action,
      );
      if (decisive.length > 1) problems.push(`${write.key}: stored ${decisive.length} times`);
      if (write.acknowledged && decisive.length !== 1) problems.push(`${write.key}: acknowledged but stored ${decisive.length} times`);
      if (write.acknowledged && own.map((event) => event.id).join() !== write.answeredEventIds.join()) {
        problems.push(`${write.key}: answered events ${write.answeredEventIds.join()} but stored ${own.map((event) => event.id).join()}`);
      }
      const firstDoubt = write.inDoubtAt[0];
      const stored = decisive[0];
      if (firstDoubt !== undefined && stored && headAfterKill[firstDoubt - 1] && stored.position.commit <= (headAfterKill[firstDoubt - 1] as Position).commit) {
        storedBeforeTheKill += 1;
      }
    }
    for (const [recordId, history] of histories) {
      if (history.some((event, index) => event.revision !== index)) problems.push(`${recordId}: revisions are not 0..${history.length - 1}`);
      const events = history.filter((event) => event.type === 'Transitioned').map((event) => String(event.data['event']));
      if (events.join() !== WALK.slice(0, events.length).map((step) => step.event).join()) problems.push(`${recordId}: transitions ${events.join(' → ')}`);
    }

    const acknowledged = writes.filter((write) => write.acknowledged);
    const inDoubt = writes.filter((write) => write.inDoubtAt.length > 0);
    process.stdout.write(
      `[crash] ${availability.kills} SIGKILLs; ${acknowledged.length} acknowledged writes checked (${acknowledged.filter((write) => write.action !== 'open').length} transitions) over ${histories.size} records; ` +
        `${inDoubt.length} were in flight at a kill and retried with their Idempotency-Key: ${storedBeforeTheKill} had been stored before the kill (the retry got the first answer), ` +
        `${inDoubt.length - storedBeforeTheKill} were stored by the retry; ${problems.length} problems\n`,
    );
    expect(problems).toEqual([]);
    expect(availability.kills).toBeGreaterThanOrEqual(10);
    expect(acknowledged).toHaveLength(writes.length);
    expect(inDoubt.length).toBeGreaterThan(0);
  }, scaledTimeout(480_000));

  it(`given projections in the app, when it is killed ${PROJECTION_KILLS} times while catching up or under load and restarts after SIGKILL, then every read model equals a rebuild`, async () => {
    const seed = reliabilitySeed('crash-projections');
    // Kill moments: 0–300 ms after the app is back, while it catches up on the backlog or applies live batches;
    // the second kill comes the moment it listens, so at least one lands during a catch-up however fast the machine.
    const killDelays = fc.sample(fc.integer({ min: 0, max: 300 }), { seed, numRuns: PROJECTION_KILLS }).map((delay, index) => (index === 1 ? 0 : delay));
    const directory = mkdtempSync(join(tmpdir(), 'crm-crash-projections-'));
    const scratch = mkdtempSync(join(tmpdir(), 'crm-crash-projections-replay-'));
    const port = await freePort();
    const availability = new AppAvailability();
    let app = await BuiltApiProcess.start(directory, port);
    const tokens = JSON.parse(readFileSync(join(directory, 'demo-tokens.json'), 'utf8')) as Record<User | 'ana', { token: string }>;
    let stopping = false;
    let acknowledged = 0;

    const call = async (user: User | 'ana', method: string, path: string, body?: object, key?: string): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens[user].token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(scaledTimeout(20_000)),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    };

    /** Retried with its Idempotency-Key until answered: a connection that died with the app leaves the write in doubt. */
    const write = async (user: User, path: string, body: object, key: string): Promise<void> => {
      for (let attempt = 1; ; attempt += 1) {
        await availability.ready();
        const killsBefore = availability.kills;
        try {
          const answer = await call(user, 'POST', path, body, key);
          if (answer.status < 200 || answer.status >= 300) throw new UnexpectedAnswer(`POST ${path} (${key}): ${answer.status} ${JSON.stringify(answer.body)}`);
          acknowledged += 1;
          return;
        } catch (error) {
          if (error instanceof UnexpectedAnswer || attempt >= 50) throw error;
          if (availability.kills === killsBefore) await sleep(20);
        }
      }
    };

    const client = async (index: number): Promise<void> => {
      const user = USERS[index % USERS.length] as User;
      for (let record = 0; !stopping; record += 1) {
        const recordId = `projections-${seed}-c${index}-r${record}`;
        await write(user, '/records/opportunity', { id: recordId, fields: { name: `Projected deal ${index}/${record}`, amount: 1_000 * (record + 1), closeDate: '2026-06-30' } }, `${recordId}-open`);
        for (const step of WALK) {
          if (stopping) return;
          await write(user, `/records/opportunity/${recordId}/transitions`, { event: step.event, fields: step.fields }, `${recordId}-${step.event}`);
        }
      }
    };

    /**
     * Whether the kill caught some read model behind the log (its checkpoint before the head), then a
     * backlog of deals appended through the engine while the app is down: the next start catches up on it.
     */
    const killsBehind: boolean[] = [];
    const whileDown = async (cycle: number): Promise<void> => {
      const engine = await Engine.open({ dataDirectory: directory, blueprintsDirectory: join(repositoryRoot, 'blueprints'), clock: systemClock, policy: openAccess });
      try {
        const head = await engine.store.headPosition();
        const readModels = ReadModelDatabase.open({ directory, readOnly: true });
        try {
          killsBehind.push(
            crmProjections().some((projection) => {
              const checkpoint = readCheckpoint(readModels.db, projection.name)?.position ?? null;
              return head !== null && (checkpoint === null || comparePositions(checkpoint, head) < 0);
            }),
          );
        } finally {
          readModels.close();
        }
        for (let deal = 0; deal < BACKLOG_DEALS; deal += 1) {
          const recordId = `backlog-${seed}-k${cycle}-d${deal}`;
          const actor = { id: USERS[deal % USERS.length] as User, roles: ['rep'] };
          await engine.commands.execute({ type: 'OpenRecord', kind: 'opportunity', recordId, fields: { name: `Backlog deal ${cycle}/${deal}`, amount: 500 * (deal + 1) }, owner: actor.id, commandId: `${recordId}-open`, actor });
          for (const step of WALK.slice(0, deal % (WALK.length + 1))) {
            await engine.commands.execute({ type: 'FireTransition', kind: 'opportunity', recordId, event: step.event, fields: step.fields, commandId: `${recordId}-${step.event}`, actor });
          }
        }
      } finally {
        await engine.close();
      }
    };

    const restartAfterSigkill = async (): Promise<void> => {
      availability.goingDown();
      await app.kill('SIGKILL');
      await whileDown(availability.kills);
      app = await BuiltApiProcess.start(directory, port);
      availability.up();
    };

    const untilCaughtUp = async (): Promise<void> => {
      const started = Date.now();
      for (;;) {
        const health = (await (await fetch(`${app.url}/health`, { headers: { authorization: `Bearer ${tokens.ana.token}` } })).json()) as {
          projections: { maxLag: number; byProjection: { state: string }[] };
        };
        if (health.projections.maxLag === 0 && health.projections.byProjection.every((projection) => projection.state === 'live')) return;
        if (Date.now() - started > scaledTimeout(30_000)) throw new Error(`read models not caught up within ${scaledTimeout(30_000)} ms: ${JSON.stringify(health.projections)}\n${app.log}`);
        await sleep(20);
      }
    };

    /** Every read model's digest, read beside the running app in one transaction. */
    const liveDigests = (): Record<string, string> => {
      const readModels = ReadModelDatabase.open({ directory, readOnly: true });
      try {
        return readModels.db.transaction(() => Object.fromEntries(crmProjections().map((projection) => [projection.name, projectionDigest(readModels.db, projection)])))();
      } finally {
        readModels.close();
      }
    };

    const clients = Promise.all(Array.from({ length: PROJECTION_CLIENTS }, (_, index) => client(index)));
    try {
      try {
        for (const delay of killDelays) {
          await sleep(delay);
          await restartAfterSigkill();
        }
      } finally {
        stopping = true;
        availability.up();
        await clients;
      }
      // The last writes may still be on their way into the read models: one more kill lands there.
      await restartAfterSigkill();
      await untilCaughtUp();

      // One moment for every report, so ages in stage do not move between the two readings.
      const asOf = new Date().toISOString();
      const reports = async (): Promise<unknown[]> =>
        Promise.all(
          ['/pipeline', '/forecast?groupBy=total', '/funnel?by=owner', '/records/opportunity?limit=500'].map(async (path) => {
            const answer = await call('ana', 'GET', `${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`);
            expect(answer.status).toBe(200);
            return answer.body;
          }),
        );
      const digestsAfterRestart = liveDigests();
      const reportsAfterRestart = await reports();
      for (const projection of crmProjections()) {
        const rebuilt = await call('ana', 'POST', `/projections/${projection.name}/rebuild`);
        expect({ projection: projection.name, status: rebuilt.status }).toEqual({ projection: projection.name, status: 200 });
      }
      expect(liveDigests()).toEqual(digestsAfterRestart);
      expect(await reports()).toEqual(reportsAfterRestart);
    } finally {
      stopping = true;
      availability.up();
      await app.kill('SIGTERM');
    }

    // And an independent replay of the whole log into a scratch file gives the same rows.
    const store = await SqliteEventStore.open({ directory, clock: systemClock, readOnly: true });
    const readModels = ReadModelDatabase.open({ directory, readOnly: true });
    try {
      const replay = await replayProjections({ store, projections: crmProjections(), directory: scratch, clock: systemClock });
      replay.readModels.close();
      for (const projection of crmProjections()) {
        const handled = await countEvents(store, 'start', { eventTypes: projection.eventTypes });
        expect({ projection: projection.name, digest: projectionDigest(readModels.db, projection), eventsApplied: readCheckpoint(readModels.db, projection.name)?.eventsApplied }).toEqual({
          projection: projection.name,
          digest: replay.projections.find((entry) => entry.projection === projection.name)?.digest,
          eventsApplied: handled,
        });
      }
      process.stdout.write(
        `[crash-projections] ${availability.kills} SIGKILLs; ${acknowledged} acknowledged writes; killed with some read model behind the log: ${killsBehind.filter(Boolean).length} of ${killsBehind.length} times; ` +
          'every read model equals a rebuild and a replay\n',
      );
      expect(availability.kills).toBe(PROJECTION_KILLS + 1);
      // Otherwise no kill interrupted a projection and the digests above prove nothing about checkpoints.
      expect(killsBehind.filter(Boolean).length).toBeGreaterThan(0);
    } finally {
      readModels.close();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  }, scaledTimeout(480_000));
});

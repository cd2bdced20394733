import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePosition, SqliteEventStore, type Position, type StoredEvent } from '@crm/event-store';
import { buildApi, BuiltApiProcess } from './built-api-process';
import { freePort } from './free-port';
import { reliabilitySeed } from './reliability-seed';

/**
 * The built app (`node dist/apps/api/src/main.js`) serves concurrent clients that open opportunities and
 * walk them through guarded transitions, each write with its own Idempotency-Key. It is killed with
 * SIGKILL at seeded random moments and restarted on the same data directory. A write whose connection
 * died is in doubt: the client retries it with the same key once the app is back. Afterwards every
 * acknowledged write is in its record's history exactly once, and no retried write is stored twice.
 *
 * TODO(projections, issue 3): once the app runs projections, also check after the last restart that
 * every read model equals a rebuild from the events (exactly-once projection checkpoints).
 */

const KILLS = 10;
const CLIENTS = 8;
const USERS = ['rita', 'raj'] as const;
type User = (typeof USERS)[number];

/** Each record: opened, then walked through four guarded transitions, each supplying what it requires. */
const WALK: readonly { readonly event: string; readonly fields: Record<string, string | number> }[] = [
  { event: 'analyze_needs', fields: { budget: 150_000, decisionMaker: 'Ned Flanders', timeline: '2026-11-30' } },
  { event: 'propose', fields: { proposalDocument: 'https://docs.example/proposals/crash' } },
  { event: 'negotiate', fields: { amount: 98_000 } },
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
  }, 180_000);

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
            signal: AbortSignal.timeout(20_000),
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
        const health = (await (await fetch(`${app.url}/health`)).json()) as { store: { headPosition: string } };
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

    const store = await SqliteEventStore.open({ directory: dataDirectory, readOnly: true });
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
  }, 240_000);

  it.todo('given projections in the app, when it restarts after SIGKILL, then every read model equals a rebuild (projections, issue 3)');
});

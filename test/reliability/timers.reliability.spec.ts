import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { systemClock } from '@crm/clock';
import { Engine } from '@crm/engine';
import { comparePositions, SqliteEventStore, type Position, type StoredEvent } from '@crm/event-store';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { ReadModelDatabase } from '@crm/projection-runtime';
import { dueTimers } from '@crm/projections';
import { fireTimerCommandId, openAccess } from '@crm/workflow';
import { repositoryRoot } from '../e2e/api-harness';
import { buildApi, BuiltApiProcess } from './built-api-process';
import { freePort } from './free-port';
import { reliabilitySeed } from './reliability-seed';

/**
 * The lead SLA (remind after one business hour, escalate after four, return to the pool after two
 * business days) fired by the scheduler of the built app (`node dist/apps/api/src/main.js`), which runs
 * on the system clock. A child process cannot be given a manual clock, and a test cannot wait two business
 * days, so each data directory first gets the next lead blueprint version published into its store: the
 * shipped version with the same three timers (ids, actions, messages) due after 2, 4 and 6 seconds of plain
 * time instead of business time. New leads are opened under it, exactly as after a process owner published
 * it; the files on disk stay the shipped ones.
 *
 * What is counted is the log itself: every TimerScheduled has exactly one TimerFired, stored by
 * `system:timer` under the command id of its timer, each lead's timers in due order, each lead released
 * to the pool once.
 */

const SHORT_SLA: Readonly<Record<string, string>> = { remind_uncontacted: 'PT2S', escalate_uncontacted: 'PT4S', return_to_pool: 'PT6S' };
/** From opening a lead to its last timer being due. */
const SLA_MS = 6_000;
const KILLS = 5;
const LEADS_PER_ROUND = 12;

type Tokens = Record<'rita' | 'raj', { token: string }>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The next lead version: the shipped lead with its SLA in seconds of plain time (see above). */
const publishShortSla = async (dataDirectory: string): Promise<void> => {
  const engine = await Engine.open({ dataDirectory, blueprintsDirectory: join(repositoryRoot, 'blueprints'), clock: systemClock, policy: openAccess });
  try {
    const shipped = engine.catalog.latestForKind('lead').definition;
    const stages = shipped.stages.map((stage) =>
      stage.timers === undefined
        ? stage
        : { ...stage, timers: stage.timers.map(({ calendar: _businessTime, ...timer }) => ({ ...timer, after: SHORT_SLA[timer.id] ?? timer.after })) },
    );
    await engine.catalog.publish({ ...shipped, version: shipped.version + 1, stages });
  } finally {
    await engine.close();
  }
};

const tokensOf = (dataDirectory: string): Tokens => JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Tokens;

/** Opens a lead through the app; its Idempotency-Key makes a retry after a kill safe. */
const openLead = async (app: BuiltApiProcess, token: string, recordId: string): Promise<void> => {
  const response = await fetch(`${app.url}/records/lead`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `open-${recordId}` },
    body: JSON.stringify({ id: recordId, fields: { name: `Lead ${recordId}`, source: 'web' } }),
    signal: AbortSignal.timeout(scaledTimeout(20_000)),
  });
  if (response.status !== 201) throw new Error(`opening ${recordId}: ${response.status} ${await response.text()}`);
};

/** Every event of the log, read beside the running apps (SQLite WAL readers never block the writer). */
const theLog = async (dataDirectory: string): Promise<StoredEvent[]> => {
  const store = await SqliteEventStore.open({ directory: dataDirectory, clock: systemClock, readOnly: true });
  try {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await store.readAll({ from: events[events.length - 1]?.position ?? 'start', maxCount: 5_000 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  } finally {
    await store.close();
  }
};

const ofType = (events: readonly StoredEvent[], type: string): StoredEvent[] => events.filter((event) => event.type === type && event.stream.startsWith('lead-'));

const timerIdOf = (event: StoredEvent): string => String(event.data['timerId']);

/** Waits until every timer set so far has fired (or fails naming how many have not). */
const untilEveryTimerFired = (dataDirectory: string): Promise<StoredEvent[]> =>
  eventually(
    async () => {
      const log = await theLog(dataDirectory);
      const fired = new Set(ofType(log, 'TimerFired').map(timerIdOf));
      const waiting = ofType(log, 'TimerScheduled').filter((event) => !fired.has(timerIdOf(event)));
      if (waiting.length > 0) throw new Error(`${waiting.length} timers have not fired`);
      return log;
    },
    { timeoutMs: scaledTimeout(60_000), intervalMs: 200 },
  );

/** Everything that would show a timer fired twice, never, out of order, or by someone else. */
const problemsIn = (log: readonly StoredEvent[], leads: readonly string[]): string[] => {
  const problems: string[] = [];
  const scheduled = ofType(log, 'TimerScheduled');
  const fired = ofType(log, 'TimerFired');
  const dueAt = new Map(scheduled.map((event) => [timerIdOf(event), String(event.data['dueAt'])]));
  const firings = new Map<string, StoredEvent[]>();
  for (const event of fired) firings.set(timerIdOf(event), [...(firings.get(timerIdOf(event)) ?? []), event]);
  for (const event of scheduled) {
    const times = firings.get(timerIdOf(event))?.length ?? 0;
    if (times !== 1) problems.push(`${event.stream} ${String(event.data['timer'])}: fired ${times} times`);
  }
  for (const event of fired) {
    if (!dueAt.has(timerIdOf(event))) problems.push(`${event.stream}: fired timer ${timerIdOf(event)} was never scheduled`);
    if (event.metadata['actor'] !== 'system:timer' || event.metadata['commandId'] !== fireTimerCommandId(timerIdOf(event))) {
      problems.push(`${event.stream}: fired by ${String(event.metadata['actor'])} under ${String(event.metadata['commandId'])}`);
    }
  }
  for (const recordId of leads) {
    const stream = `lead-${recordId}`;
    const timers = fired.filter((event) => event.stream === stream).map((event) => String(event.data['timer']));
    if (timers.join() !== 'remind_uncontacted,escalate_uncontacted,return_to_pool') problems.push(`${stream}: fired ${timers.join(' → ')}`);
    const dues = fired.filter((event) => event.stream === stream).map((event) => dueAt.get(timerIdOf(event)) ?? '');
    if (dues.join() !== [...dues].sort().join()) problems.push(`${stream}: fired out of due order`);
    const released = log.filter((event) => event.stream === stream && event.type === 'OwnerChanged' && event.data['to'] === null);
    if (released.length !== 1) problems.push(`${stream}: returned to the pool ${released.length} times`);
  }
  return problems;
};

/** The timers read model has followed every firing: nothing is left pending. */
const pendingInReadModel = (dataDirectory: string): number => {
  const readModels = ReadModelDatabase.open({ directory: dataDirectory, readOnly: true });
  try {
    return dueTimers(readModels.db, '9999-12-31T00:00:00.000Z', 1_000).length;
  } finally {
    readModels.close();
  }
};

describe('timers: the built API fires every due timer exactly once', () => {
  const directories: string[] = [];
  const running: BuiltApiProcess[] = [];

  const dataDirectory = (): string => {
    const directory = mkdtempSync(join(tmpdir(), 'crm-timers-reliability-'));
    directories.push(directory);
    return directory;
  };
  const started = async (directory: string, port: number): Promise<BuiltApiProcess> => {
    const app = await BuiltApiProcess.start(directory, port);
    running.push(app);
    return app;
  };

  beforeAll(() => buildApi(), scaledTimeout(180_000));

  afterEach(async () => {
    for (const app of running.splice(0)) await app.kill('SIGKILL');
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it(`given leads whose SLA timers are set, when the app is killed ${KILLS} times with SIGKILL between scheduling and firing and restarted after a downtime, then every timer fires exactly once, in due order, and every lead returns to the pool once`, async () => {
    const seed = reliabilitySeed('timers-crash');
    // After opening a round of leads: the kill 0.5–5.5 s later, so before their last timer is due and before,
    // while or after the first two fall due; then 0–4 s down, so timers fall due while no scheduler runs and
    // are caught up on at the next start.
    const rounds = fc.sample(fc.record({ killAfterMs: fc.integer({ min: 500, max: SLA_MS - 500 }), downMs: fc.integer({ min: 0, max: 4_000 }) }), { seed, numRuns: KILLS });
    const directory = dataDirectory();
    await publishShortSla(directory);
    const port = await freePort();
    let app = await started(directory, port);
    const tokens = tokensOf(directory);
    const leads: string[] = [];
    const killedAt: Position[] = [];

    for (const [round, { killAfterMs, downMs }] of rounds.entries()) {
      const opened = Array.from({ length: LEADS_PER_ROUND }, (_, index) => `sla-${seed}-r${round}-l${index}`);
      await Promise.all(opened.map((recordId, index) => openLead(app, (index % 2 === 0 ? tokens.rita : tokens.raj).token, recordId)));
      leads.push(...opened);
      await sleep(killAfterMs);
      await app.kill('SIGKILL');
      const head = (await theLog(directory)).at(-1)?.position;
      if (head !== undefined) killedAt.push(head);
      await sleep(downMs);
      app = await started(directory, port);
    }
    const log = await untilEveryTimerFired(directory);
    await eventually(() => expect(pendingInReadModel(directory)).toBe(0), { timeoutMs: scaledTimeout(20_000), intervalMs: 100 });
    await app.kill('SIGTERM');

    // A kill between scheduling and firing: a timer set before the kill that fired only after it.
    const firedAt = new Map(ofType(log, 'TimerFired').map((event) => [timerIdOf(event), event.position]));
    const pendingAtKill = killedAt.map(
      (head) =>
        ofType(log, 'TimerScheduled').filter((event) => {
          const fired = firedAt.get(timerIdOf(event));
          return comparePositions(event.position, head) <= 0 && fired !== undefined && comparePositions(fired, head) > 0;
        }).length,
    );
    const problems = problemsIn(log, leads);
    process.stdout.write(
      `[timers-crash] ${KILLS} SIGKILLs; ${leads.length} leads, ${ofType(log, 'TimerScheduled').length} timers scheduled, ${ofType(log, 'TimerFired').length} fired; ` +
        `timers set but not yet fired at each kill: ${pendingAtKill.join(', ')}; ${problems.length} problems\n`,
    );
    expect(problems).toEqual([]);
    expect(ofType(log, 'TimerScheduled')).toHaveLength(leads.length * 3);
    expect(pendingAtKill).toHaveLength(KILLS);
    expect(pendingAtKill.every((pending) => pending > 0)).toBe(true);
  }, scaledTimeout(240_000));

  it('given two API processes on one data directory, when both catch up on one backlog of overdue timers after a downtime and then follow new ones, then each timer fires exactly once', async () => {
    const directory = dataDirectory();
    await publishShortSla(directory);
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    // One first start creates the users file, the token secret and the demo tokens both processes use.
    const once = await started(directory, firstPort);
    const tokens = tokensOf(directory);
    const backlog = Array.from({ length: 40 }, (_, index) => `pair-backlog-${index}`);
    await Promise.all(backlog.map((recordId, index) => openLead(once, (index % 2 === 0 ? tokens.rita : tokens.raj).token, recordId)));
    await once.kill('SIGKILL');
    await sleep(SLA_MS);

    const [first, second] = await Promise.all([started(directory, firstPort), started(directory, secondPort)]);
    const live = Array.from({ length: 20 }, (_, index) => `pair-live-${index}`);
    await Promise.all(live.map((recordId, index) => openLead(index % 2 === 0 ? first : second, tokens.rita.token, recordId)));
    const log = await untilEveryTimerFired(directory);
    await eventually(() => expect(pendingInReadModel(directory)).toBe(0), { timeoutMs: scaledTimeout(20_000), intervalMs: 100 });

    const fired = await Promise.all(
      [first, second].map(async (app) => {
        const health = (await (await fetch(`${app.url}/health`, { headers: { authorization: `Bearer ${tokens.rita.token}` } })).json()) as { timers: { state: string; fired: number } };
        return health.timers;
      }),
    );
    const problems = problemsIn(log, [...backlog, ...live]);
    process.stdout.write(
      `[timers-two-processes] ${backlog.length + live.length} leads, ${ofType(log, 'TimerFired').length} timers fired; answered per process: ${fired.map((timers) => timers.fired).join(' and ')}; ${problems.length} problems\n`,
    );
    expect(problems).toEqual([]);
    expect(ofType(log, 'TimerFired')).toHaveLength((backlog.length + live.length) * 3);
    expect(fired.map((timers) => timers.state)).toEqual(['running', 'running']);
    // Both took part (each answered some FireTimer): the race the command ids settle really happened.
    expect(fired.every((timers) => timers.fired > 0)).toBe(true);
  }, scaledTimeout(180_000));
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import {
  EventStoreDbEventStore,
  EventStoreException,
  EventStoreExceptionCode,
  parsePosition,
  SqliteEventStore,
  type EventStore,
  type JsonObject,
} from '@crm/event-store';
import { eventually } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { COUNTED, countingReactor, TALLIED, TALLY_PREFIX, Tallies } from './__fixtures__/tallies';
import { KillableStore } from './__fixtures__/killable-store';
import type { Reactor } from './reactor';
import { ReactorRuntime, type ReactorRuntimeOptions } from './reactor-runtime';
import type { ReactorStatus } from './reactor-status';
import { REACTOR_CHECKPOINTED, REACTOR_COMMAND_REFUSED, reactorStream } from './reactor-stream';

const LEASE_MS = 10_000;

/** Where the events live; `connect` opens another connection to the same data, as another process would. */
interface StoreHarness {
  connect(clock: ManualClock): Promise<EventStore>;
  dispose(): Promise<void>;
}

const sqliteHarness = async (): Promise<StoreHarness> => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-reactor-runtime-'));
  return {
    connect: (clock) => SqliteEventStore.open({ directory, clock, livePollIntervalMs: 20 }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const standInHarness = async (): Promise<StoreHarness> => {
  const standIn = await WireLevelStandIn.start();
  return {
    connect: (clock) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock }),
    dispose: () => standIn.stop(),
  };
};

describe.each([
  ['SQLite', sqliteHarness],
  ['the EventStoreDB adapter (wire-level stand-in)', standInHarness],
])('reactor runtime on %s', (_store, createHarness) => {
  let harness: StoreHarness;
  let clock: ManualClock;
  let writer: EventStore;
  const opened: EventStore[] = [];
  const runtimes: ReactorRuntime<Tallies>[] = [];

  /** One "process": its own connection, its own dispatcher (its own command-handler cache), its own runtime. */
  const instance = async (holder: string, overrides: Partial<ReactorRuntimeOptions<Tallies>> = {}, reactor: Reactor<Tallies> = countingReactor()) => {
    const connection = new KillableStore(await harness.connect(clock));
    opened.push(connection);
    const tallies = new Tallies(connection, clock);
    const runtime = new ReactorRuntime<Tallies>({
      store: connection,
      dispatcher: tallies,
      reactors: [reactor],
      clock,
      holder,
      leaseMs: LEASE_MS,
      standbyPollMs: 10,
      retry: { maxAttempts: 4, backoff: { initialMs: 1, maxMs: 4 } },
      restartBackoff: { initialMs: 5, maxMs: 20 },
      ...overrides,
    });
    runtimes.push(runtime);
    return { connection, tallies, runtime };
  };

  const appendCounted = async (stream: string, count: number, data: JsonObject = {}): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) await writer.append(stream, [{ id, type: COUNTED, data: { amount: 1, ...data } }], 'any');
    return ids;
  };

  /** Source event id → how many `Tallied` events name it. */
  const tallied = async (): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    const events = await writer.readAll({ filter: { streamPrefixes: [TALLY_PREFIX], eventTypes: [TALLIED] }, maxCount: 10_000 });
    for (const event of events) counts.set(String(event.data['sourceEventId']), (counts.get(String(event.data['sourceEventId'])) ?? 0) + 1);
    return counts;
  };

  const expectTalliedOnce = async (sources: readonly string[]): Promise<void> => {
    await eventually(async () => expect([...(await tallied()).keys()].sort()).toEqual([...sources].sort()));
    expect([...(await tallied()).values()].every((count) => count === 1)).toBe(true);
  };

  const bookkeeping = (type: string) => writer.readStream(reactorStream('counting')).then((events) => events.filter((event) => event.type === type));

  const statusOf = async (runtime: ReactorRuntime<Tallies>): Promise<ReactorStatus> => {
    const [status] = await runtime.status();
    return status;
  };

  const statusWhen = (runtime: ReactorRuntime<Tallies>, expected: Partial<ReactorStatus>): Promise<ReactorStatus> =>
    eventually(async () => {
      const status = await statusOf(runtime);
      expect(status).toMatchObject(expected);
      return status;
    });

  beforeEach(async () => {
    harness = await createHarness();
    clock = new ManualClock('2026-06-01T09:00:00.000Z');
    writer = await harness.connect(clock);
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
    for (const connection of opened.splice(0)) await connection.close();
    await writer.close();
    await harness.dispose();
  });

  it('given counted events, when a runtime follows, then each is tallied once, first the backlog then live ones, with one checkpoint per batch, and the status says active with no lag', async () => {
    const backlog = [...(await appendCounted('count-a', 20)), ...(await appendCounted('count-b', 20))];
    const { runtime } = await instance('api-a');

    await runtime.start();
    await expectTalliedOnce(backlog);
    const live = await appendCounted('count-a', 3);

    await expectTalliedOnce([...backlog, ...live]);
    const status = await statusWhen(runtime, { state: 'active', lag: 0 });
    expect(status).toMatchObject({ reactor: 'counting', holder: 'api-a', commandsSent: 43, commandsRefused: 0, lastError: null, waitingForLease: false });
    expect(status.checkpoint).not.toBeNull();
    // The take, then one checkpoint per batch: 43 events never need 43 appends.
    expect((await bookkeeping(REACTOR_CHECKPOINTED)).length).toBeLessThan(43 / 2);
  });

  it('given a command not acknowledged yet, when later events arrive, then the stored checkpoint stays before its event; once it is acknowledged the checkpoint moves past them all', async () => {
    const [held] = await appendCounted('count-a', 1);
    const { runtime, tallies } = await instance('api-a');
    const release = tallies.holdBack(held);
    await runtime.start();
    await eventually(() => expect(tallies.attempts.get(held)).toBe(1));

    let later: string[];
    try {
      later = await appendCounted('count-b', 3);
      await eventually(async () => expect((await statusOf(runtime)).lag).toBeGreaterThanOrEqual(4));

      expect(await statusOf(runtime)).toMatchObject({ state: 'active', checkpoint: null });
      expect((await tallied()).size).toBe(0);
    } finally {
      // Held back, the command would keep the runtime from stopping after a failed expectation.
      release();
    }
    await expectTalliedOnce([held, ...later]);
    const [last] = await writer.readStream('count-b', { fromRevision: 2 });
    await eventually(async () => {
      const { checkpoint } = await statusOf(runtime);
      expect(checkpoint === null ? null : parsePosition(checkpoint).commit >= last.position.commit).toBe(true);
    });
  });

  it('given a runtime that was stopped, when another instance starts, then it takes the released lease at once and resumes after the checkpoint: nothing acknowledged is sent again', async () => {
    const first = await appendCounted('count-a', 5);
    const a = await instance('api-a');
    await a.runtime.start();
    await expectTalliedOnce(first);
    await statusWhen(a.runtime, { lag: 0 });
    await a.runtime.stop();
    const later = await appendCounted('count-a', 4);

    const b = await instance('api-b');
    await b.runtime.start();

    await expectTalliedOnce([...first, ...later]);
    expect(b.tallies.sent).toBe(4);
    expect(await statusOf(a.runtime)).toMatchObject({ state: 'stopped' });
    expect(await statusWhen(b.runtime, { state: 'active', lag: 0 })).toMatchObject({ holder: 'api-b' });
  });

  it('given two instances started together, when events arrive, then one is active, the other stands by, and each command is stored once', async () => {
    const a = await instance('api-a');
    const b = await instance('api-b');

    await Promise.all([a.runtime.start(), b.runtime.start()]);
    const sources = await appendCounted('count-a', 12);

    await expectTalliedOnce(sources);
    const states = await eventually(async () => {
      const both = [await statusOf(a.runtime), await statusOf(b.runtime)].map((status) => status.state).sort();
      expect(both).toEqual(['active', 'standby']);
      return both;
    });
    expect(states).toEqual(['active', 'standby']);
    expect(a.tallies.sent + b.tallies.sent).toBe(12);
  });

  it('given the active instance killed after dispatching a batch but before its checkpoint, when its lease expires, then the standby takes over, redelivers the batch, and each command is still stored once', async () => {
    const a = await instance('api-a');
    await a.runtime.start();
    await statusWhen(a.runtime, { state: 'active' });
    a.connection.holdAppendsTo(reactorStream('counting'));
    const batch = await appendCounted('count-a', 6);
    // A stores the commands of its first batch, then its checkpoint is held back, and it dies.
    await eventually(async () => expect((await tallied()).size).toBeGreaterThan(0));
    await eventually(() => expect(a.connection.heldAppends).toBeGreaterThan(0));
    await a.connection.kill();
    const storedByA = (await tallied()).size;

    const b = await instance('api-b');
    await b.runtime.start();
    await statusWhen(b.runtime, { state: 'standby', holder: 'api-a', waitingForLease: true });
    expect(b.tallies.sent).toBe(0);
    clock.advance(LEASE_MS + 1);

    await statusWhen(b.runtime, { state: 'active', holder: 'api-b', lag: 0 });
    // B resumes from the last stored checkpoint, so A's unrecorded batch is sent again: stored once all the same.
    expect(b.tallies.sent).toBe(6);
    expect(storedByA).toBeGreaterThan(0);
    await expectTalliedOnce(batch);
    const live = await appendCounted('count-b', 2);
    await expectTalliedOnce([...batch, ...live]);
  });

  it('given an instance standing by, when the holder is gone but its lease has not expired, then it waits; it takes over only once the clock passes the lease', async () => {
    const a = await instance('api-a');
    await a.runtime.start();
    await statusWhen(a.runtime, { state: 'active' });
    await a.connection.kill();
    const b = await instance('api-b');
    await b.runtime.start();
    const waiting = await appendCounted('count-a', 3);

    await statusWhen(b.runtime, { state: 'standby', waitingForLease: true });
    expect((await tallied()).size).toBe(0);
    clock.advance(LEASE_MS - 1);
    await statusWhen(b.runtime, { state: 'standby', waitingForLease: true });
    expect((await tallied()).size).toBe(0);
    clock.advance(2);

    await expectTalliedOnce(waiting);
  });

  it('given a command the domain refuses, when the reactor meets it, then the refusal is recorded with the source event and code, and the reactor moves on', async () => {
    const [before] = await appendCounted('count-a', 1);
    const [refused] = await appendCounted('count-a', 1, { refuse: true });
    const [after] = await appendCounted('count-a', 1);
    const { runtime, tallies } = await instance('api-a');

    await runtime.start();

    await expectTalliedOnce([before, after]);
    const [recorded] = await eventually(async () => {
      const events = await bookkeeping(REACTOR_COMMAND_REFUSED);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(recorded.data).toMatchObject({ sourceEventId: refused, sourceStream: 'count-a', intent: 'tally count-a', code: 'TALLY_REFUSED', attempts: 1 });
    expect(tallies.attempts.get(refused)).toBe(1);
    // The refusal is readable as soon as its group commits, a moment before the reactor resumes after
    // its acknowledged append and counts it: wait for the count, not only the lag.
    expect(await statusWhen(runtime, { lag: 0, commandsRefused: 1 })).toMatchObject({ state: 'active', commandsSent: 2, commandsRefused: 1 });
  });

  it('given a dispatch that fails with a retryable error, when retried, then the command is stored once and nothing is recorded as refused', async () => {
    const [flaky, steady] = await appendCounted('count-a', 2);
    const { runtime, tallies } = await instance('api-a');
    tallies.failNext(
      flaky,
      new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'the store is restarting'),
      new CommandHandlerException(CommandHandlerExceptionCode.CONCURRENCY_CONFLICT, 'someone wrote first'),
    );

    await runtime.start();

    await expectTalliedOnce([flaky, steady]);
    expect(tallies.attempts.get(flaky)).toBe(3);
    const status = await statusWhen(runtime, { lag: 0 });
    expect(status).toMatchObject({ commandsSent: 2, commandsRefused: 0 });
    expect(status.lastError).toContain('CONCURRENCY_CONFLICT');
    expect(await bookkeeping(REACTOR_COMMAND_REFUSED)).toEqual([]);
  });

  it('given a conflict that keeps coming back, when the attempts are used up, then it is recorded as refused with the attempts, not retried forever', async () => {
    const [contested, next] = await appendCounted('count-a', 2);
    const { runtime, tallies } = await instance('api-a');
    const conflict = () => new CommandHandlerException(CommandHandlerExceptionCode.CONCURRENCY_CONFLICT, 'count-a moved on');
    tallies.failNext(contested, conflict(), conflict(), conflict(), conflict(), conflict());

    await runtime.start();

    await expectTalliedOnce([next]);
    const [recorded] = await eventually(async () => {
      const events = await bookkeeping(REACTOR_COMMAND_REFUSED);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(recorded.data).toMatchObject({ sourceEventId: contested, code: 'CONCURRENCY_CONFLICT', attempts: 4 });
    expect(tallies.attempts.get(contested)).toBe(4);
  });

  it('given a dispatcher that breaks with an untyped error (a bug), when the reactor meets it, then it is failed at its checkpoint, skips nothing, and a retry resumes once fixed', async () => {
    const [good] = await appendCounted('count-a', 1);
    const [poison, behind] = await appendCounted('count-b', 2);
    const { runtime, tallies } = await instance('api-a', { batchSize: 1 });
    tallies.failNext(poison, new TypeError("Cannot read properties of undefined (reading 'owner')"));

    await runtime.start();

    const failed = await statusWhen(runtime, { state: 'failed' });
    expect(failed.lastError).toContain("reading 'owner'");
    // poison and behind, and the Tallied event of good, which the reactor has not read back yet.
    expect(failed.lag).toBe(3);
    await expectTalliedOnce([good]);
    await runtime.retry('counting');
    await expectTalliedOnce([good, poison, behind]);
    expect(await statusWhen(runtime, { state: 'active', lag: 0 })).toMatchObject({ lastError: expect.stringContaining("reading 'owner'") });
  });

  it('given a reactor that starts from the end, when it first runs, then only events stored after it took the lease are sent', async () => {
    await appendCounted('count-a', 3);
    const { runtime } = await instance('api-a', {}, countingReactor({ startFrom: 'end' }));

    await runtime.start();
    await statusWhen(runtime, { state: 'active' });
    const fresh = await appendCounted('count-a', 2);

    await expectTalliedOnce(fresh);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { countingReactor, Tallies } from './__fixtures__/tallies';
import { ReactorRuntime, type ReactorRuntimeOptions } from './reactor-runtime';
import { ReactorRuntimeExceptionCode } from './reactor-runtime.exception';

describe('ReactorRuntime settings', () => {
  let directory: string;
  let store: SqliteEventStore;
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');

  const options = (overrides: Partial<ReactorRuntimeOptions<Tallies>>): ReactorRuntimeOptions<Tallies> => ({
    store,
    dispatcher: new Tallies(store, clock),
    reactors: [countingReactor()],
    clock,
    ...overrides,
  });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-reactor-settings-'));
    store = await SqliteEventStore.open({ directory, clock });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it.each<[string, Partial<ReactorRuntimeOptions<Tallies>>, ReactorRuntimeExceptionCode]>([
    ['two reactors of one name', { reactors: [countingReactor(), countingReactor()] }, ReactorRuntimeExceptionCode.INVALID_REACTOR],
    ['a lease of no length', { leaseMs: 0 }, ReactorRuntimeExceptionCode.INVALID_OPTIONS],
    ['a standby poll longer than the lease', { leaseMs: 1_000, standbyPollMs: 2_000 }, ReactorRuntimeExceptionCode.INVALID_OPTIONS],
    ['a batch of no events', { batchSize: 0 }, ReactorRuntimeExceptionCode.INVALID_OPTIONS],
    ['a checkpoint interval that is not whole', { checkpointEvery: 1.5 }, ReactorRuntimeExceptionCode.INVALID_OPTIONS],
    ['no attempt at all', { retry: { maxAttempts: 0, backoff: { initialMs: 1, maxMs: 2 } } }, ReactorRuntimeExceptionCode.INVALID_OPTIONS],
  ])('given %s, when a runtime is made, then it is refused', (_case, overrides, code) => {
    expect(() => new ReactorRuntime(options(overrides))).toThrow(expect.objectContaining({ code }));
  });

  it('given no holder, when a runtime is made, then it gets one naming host and process, unique to it', () => {
    const first = new ReactorRuntime(options({}));
    const second = new ReactorRuntime(options({}));

    expect(first.holder).toContain(`:${process.pid}:`);
    expect(first.holder).not.toBe(second.holder);
  });

  it('given a runtime, when an unknown reactor is retried, then UNKNOWN_REACTOR names the known ones', async () => {
    const runtime = new ReactorRuntime(options({}));

    await expect(runtime.retry('billing')).rejects.toMatchObject({ code: ReactorRuntimeExceptionCode.UNKNOWN_REACTOR, details: { known: ['counting'] } });
  });

  it('given a runtime not started, when asked for its status, then each reactor is stopped with the whole log as lag', async () => {
    await store.append('count-a', [{ id: '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b', type: 'Counted', data: {} }], 'no_stream');
    const runtime = new ReactorRuntime(options({}));

    expect(await runtime.status()).toEqual([
      expect.objectContaining({ reactor: 'counting', state: 'stopped', holder: null, checkpoint: null, processedThrough: null, lag: 1, lastError: null }),
    ]);
  });
});

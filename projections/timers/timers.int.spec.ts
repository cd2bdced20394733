import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection } from '@crm/projection-runtime';
import { BlueprintCatalog, fireTimerCommandId, openAccess, RecordCommandHandler, TIMER_ACTOR, type RecordCommand } from '@crm/workflow';
import { ReadModelException } from '../shared/read-model.exception';
import { timersProjection } from './timers.projection';
import { dueTimers, nextDueAfter, timersBacklog, type DueTimer } from './timers.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const shippedBlueprints = join(__dirname, '..', '..', 'blueprints');
const rita = { id: 'rita', roles: ['rep'] };
// 2026-03-02 is a Monday: the lead SLA counts the standard calendar's hours, Monday to Friday 09:00-17:00 UTC.
const MONDAY_NINE = '2026-03-02T09:00:00.000Z';

describe('the timers read model: one row per pending timer', () => {
  const clock = new ManualClock(MONDAY_NINE);
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft, actor: { id: string; roles: readonly string[] } = rita) => {
    commands += 1;
    return handler.execute({ ...command, commandId: `timers-${commands}`, actor } as RecordCommand);
  };
  const openLead = (recordId: string) => execute({ type: 'OpenRecord', kind: 'lead', recordId, fields: { name: `Lead ${recordId}` } });
  const catchUp = () => catchUpProjection({ store, readModels, projection: timersProjection(), clock });
  const fire = (timer: DueTimer) =>
    handler.execute({ type: 'FireTimer', kind: timer.kind, recordId: timer.recordId, timerId: timer.timerId, commandId: fireTimerCommandId(timer.timerId), actor: TIMER_ACTOR });
  const timersOf = (rows: readonly DueTimer[]) => rows.map((row) => [row.recordId, row.timer]);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-timers-read-model-'));
    clock.set(MONDAY_NINE);
    commands = 0;
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, loadBlueprintDirectory(shippedBlueprints));
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a new lead, when the projection catches up, then it lists the SLA timers with kind, record, stage, due time, action and the event that set them', async () => {
    const opened = await openLead('lee');
    await catchUp();

    const scheduled = opened.events.filter((event) => event.type === 'TimerScheduled');
    expect(dueTimers(readModels.db, '2026-03-31T00:00:00.000Z', 10)).toEqual([
      { kind: 'lead', recordId: 'lee', timerId: scheduled[0]?.data['timerId'], timer: 'remind_uncontacted', stage: 'new', dueAt: '2026-03-02T10:00:00.000Z', action: { kind: 'remind' }, scheduledBy: scheduled[0]?.id, correlationId: 'timers-1' },
      { kind: 'lead', recordId: 'lee', timerId: scheduled[1]?.data['timerId'], timer: 'escalate_uncontacted', stage: 'new', dueAt: '2026-03-02T13:00:00.000Z', action: { kind: 'escalate' }, scheduledBy: scheduled[1]?.id, correlationId: 'timers-1' },
      { kind: 'lead', recordId: 'lee', timerId: scheduled[2]?.data['timerId'], timer: 'return_to_pool', stage: 'new', dueAt: '2026-03-04T09:00:00.000Z', action: { kind: 'release' }, scheduledBy: scheduled[2]?.id, correlationId: 'timers-1' },
    ]);
  });

  it('given leads, when asked at a moment, then only the timers due by then, in due order, at most the limit, and after a cursor', async () => {
    await openLead('a');
    clock.set('2026-03-02T09:30:00.000Z');
    await openLead('b');
    await catchUp();

    expect(timersOf(dueTimers(readModels.db, '2026-03-02T08:59:59.999Z', 10))).toEqual([]);
    expect(timersOf(dueTimers(readModels.db, '2026-03-02T10:00:00.000Z', 10))).toEqual([['a', 'remind_uncontacted']]);
    const dueByNoon = dueTimers(readModels.db, '2026-03-02T13:30:00.000Z', 10);
    expect(timersOf(dueByNoon)).toEqual([
      ['a', 'remind_uncontacted'],
      ['b', 'remind_uncontacted'],
      ['a', 'escalate_uncontacted'],
      ['b', 'escalate_uncontacted'],
    ]);
    expect(timersOf(dueTimers(readModels.db, '2026-03-02T13:30:00.000Z', 2))).toEqual([
      ['a', 'remind_uncontacted'],
      ['b', 'remind_uncontacted'],
    ]);
    const second = dueByNoon[1];
    if (second === undefined) throw new Error('expected a second due timer');
    expect(timersOf(dueTimers(readModels.db, '2026-03-02T13:30:00.000Z', 10, second))).toEqual([
      ['a', 'escalate_uncontacted'],
      ['b', 'escalate_uncontacted'],
    ]);
  });

  it('given leads, when asked for the backlog and the next due time, then it counts the due ones, names the oldest and the first still to come', async () => {
    await openLead('a');
    clock.set('2026-03-02T09:30:00.000Z');
    await openLead('b');
    await catchUp();

    expect(timersBacklog(readModels.db, '2026-03-02T09:45:00.000Z')).toEqual({ due: 0, oldestDueAt: null });
    expect(timersBacklog(readModels.db, '2026-03-02T12:00:00.000Z')).toEqual({ due: 2, oldestDueAt: '2026-03-02T10:00:00.000Z' });
    expect(nextDueAfter(readModels.db, '2026-03-02T10:00:00.000Z')).toBe('2026-03-02T10:30:00.000Z');
    expect(nextDueAfter(readModels.db, '2026-03-04T09:30:00.000Z')).toBeNull();
  });

  it('given a lead contacted in time, when the projection catches up, then its timers are gone (cancelled on leaving the stage)', async () => {
    await openLead('lee');
    await catchUp();
    await execute({ type: 'FireTransition', kind: 'lead', recordId: 'lee', event: 'contact' });
    await catchUp();

    expect(dueTimers(readModels.db, '2026-12-31T00:00:00.000Z', 10)).toEqual([]);
  });

  it('given a timer fired, when the projection catches up, then only its row is gone', async () => {
    await openLead('lee');
    await catchUp();
    const [remind] = dueTimers(readModels.db, '2026-03-02T10:00:00.000Z', 1);
    if (remind === undefined) throw new Error('expected the reminder to be due');
    clock.set('2026-03-02T10:00:00.000Z');
    await fire(remind);
    await catchUp();

    expect(timersOf(dueTimers(readModels.db, '2026-12-31T00:00:00.000Z', 10))).toEqual([
      ['lee', 'escalate_uncontacted'],
      ['lee', 'return_to_pool'],
    ]);
  });

  it('given a lead released to the pool and claimed, when the projection catches up, then the new owner has his own SLA timers and the fired ones are gone', async () => {
    await openLead('lee');
    await catchUp();
    clock.set('2026-03-04T09:00:00.000Z');
    for (const timer of dueTimers(readModels.db, clock.now().toISOString(), 10)) await fire(timer);
    clock.set('2026-03-04T11:30:00.000Z');
    await execute({ type: 'Reassign', kind: 'lead', recordId: 'lee', owner: 'raj' }, { id: 'raj', roles: ['rep'] });
    await catchUp();

    expect(dueTimers(readModels.db, '2026-12-31T00:00:00.000Z', 10).map((row) => [row.timer, row.dueAt])).toEqual([
      ['remind_uncontacted', '2026-03-04T12:30:00.000Z'],
      ['escalate_uncontacted', '2026-03-04T15:30:00.000Z'],
      ['return_to_pool', '2026-03-06T11:30:00.000Z'],
    ]);
  });

  it('given a live model built batch by batch, when rebuilt from the whole log, then the rows are the same', async () => {
    for (const recordId of ['a', 'b', 'c']) {
      await openLead(recordId);
      await catchUp();
      clock.advance(20 * 60_000);
    }
    await execute({ type: 'FireTransition', kind: 'lead', recordId: 'b', event: 'contact' });
    clock.set('2026-03-02T11:00:00.000Z');
    for (const timer of dueTimers(readModels.db, clock.now().toISOString(), 10)) await fire(timer);
    await catchUp();
    const live = projectionDigest(readModels.db, timersProjection());

    await rebuildProjection({ store, readModels, projection: timersProjection(), clock, batchSize: 2 });

    expect(projectionDigest(readModels.db, timersProjection())).toBe(live);
    expect(timersOf(dueTimers(readModels.db, '2026-12-31T00:00:00.000Z', 10))).toEqual([
      ['a', 'escalate_uncontacted'],
      ['c', 'escalate_uncontacted'],
      ['a', 'return_to_pool'],
      ['c', 'return_to_pool'],
    ]);
  });

  it('given a read-model file where the projection never ran, when queried, then NOT_BUILT names the timers read model', () => {
    expect(() => dueTimers(readModels.db, MONDAY_NINE, 10)).toThrow(ReadModelException);
    expect(() => timersBacklog(readModels.db, MONDAY_NINE)).toThrow(/timers read model is not built/);
  });
});

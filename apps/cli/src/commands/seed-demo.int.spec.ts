import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { FieldValues } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { BlueprintCatalog, noRecord, RecordSlices, type ExistingRecord, type FoldContext, type RecordState } from '@crm/workflow';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';
import { demoPipeline } from '../seed/demo-pipeline';

const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

/** The events each record's stream holds, in order. */
const byStream = (events: readonly StoredEvent[]): Map<string, StoredEvent[]> => {
  const streams = new Map<string, StoredEvent[]>();
  for (const event of events) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  return streams;
};

const suppliedBy = (events: readonly StoredEvent[]): FieldValues =>
  Object.fromEntries(
    events
      .filter((event) => event.type === 'FieldsChanged')
      .flatMap((event) => Object.entries(event.data['changes'] as Record<string, { to: FieldValues[string] }>).map(([field, change]) => [field, change.to])),
  );

describe('crm seed demo', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', SHIPPED], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const withStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  const allEvents = (): Promise<StoredEvent[]> => withStore((store) => store.readAll({ from: 'start', maxCount: 100_000 }));

  beforeEach(() => {
    clock.set('2026-06-01T12:00:00.000Z');
    root = mkdtempSync(join(tmpdir(), 'crm-cli-seed-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given an empty data directory, when seeded twice, then the demo is stored once, every write by its owner through the handler, none of it imported', async () => {
    const first = await crm('seed', 'demo', '--deals', '20', '--seed', '7');
    expect(first.exitCode).toBe(0);
    const stored = await allEvents();
    // The engine publishes the blueprint versions (`_blueprint-*` streams) before the seed writes.
    expect(first.out).toContain(`seeded 23 records (${stored.filter((event) => !event.stream.startsWith('_')).length} new events)`);

    const again = await crm('seed', 'demo', '--deals', '20', '--seed', '7');
    expect(again.out).toContain('seeded 23 records (0 new events)');
    expect(await allEvents()).toHaveLength(stored.length);

    const recordEvents = stored.filter((event) => !event.stream.startsWith('_'));
    const opportunities = new Set(recordEvents.filter((event) => event.stream.startsWith('opportunity-')).map((event) => event.stream));
    expect(opportunities.size).toBe(20);
    expect(recordEvents.some((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_won')).toBe(true);
    expect(recordEvents.some((event) => event.type === 'Transitioned' && event.data['to'] === 'closed_lost')).toBe(true);
    expect(recordEvents.filter((event) => event.metadata['imported'] !== undefined)).toEqual([]);
    for (const event of recordEvents) {
      expect(event.metadata['origin']).toEqual({ via: 'cli', osUser: userInfo().username });
      expect(event.occurredAt < '2026-06-01T00:00:00.000Z').toBe(true);
    }
    // Deals are worked by their owners; approvals are granted by the managers of their teams.
    for (const event of recordEvents.filter((event) => event.stream.startsWith('opportunity-'))) {
      expect(event.type === 'ApprovalGranted' ? ['max', 'mia'] : ['rita', 'raj', 'max', 'mia']).toContain(event.metadata['actor']);
      if (event.type === 'ApprovalRequested') expect(['rita', 'raj']).toContain(event.metadata['actor']);
    }
    expect(recordEvents.some((event) => event.type === 'ApprovalGranted')).toBe(true);
  });

  const taskFactsOf = (record: ExistingRecord) =>
    record.tasks.flatMap((task) => (task.status === 'cancelled' ? [] : [{ template: task.template, status: task.status === 'done' ? ('done' as const) : ('open' as const) }]));

  it('given a seeded demo, then every event it stored is a step the blueprint accepts: each transition is allowed by its guards on the record as it was, with the fields supplied in that step', async () => {
    await crm('seed', 'demo', '--deals', '24', '--seed', '3');

    await withStore(async (store) => {
      const catalog = await BlueprintCatalog.open(store);
      const slices = new RecordSlices();
      const context: FoldContext = { isFinal: (ref, stage) => catalog.get(ref).stage(stage)?.final === true };
      const records = [...byStream(await store.readAll({ from: 'start', maxCount: 100_000 })).entries()].filter(([stream]) => !stream.startsWith('_'));
      let transitions = 0;
      for (const [stream, events] of records) {
        expect(events.filter((event) => event.type === 'StageRecorded' || event.metadata['imported'] !== undefined)).toEqual([]);
        for (const [index, transitioned] of events.entries()) {
          if (transitioned.type !== 'Transitioned') continue;
          const step = events.filter((event) => event.metadata['commandId'] === transitioned.metadata['commandId']);
          // A transition an approval chain completed is judged on the record with the last grant, as its requester.
          const completesChain = step[0]?.type === 'ApprovalGranted';
          const before = events.slice(0, completesChain ? index : events.indexOf(step[0]));
          const record: RecordState = slices.evolve(noRecord(stream.slice(0, stream.indexOf('-')), stream.slice(stream.indexOf('-') + 1)), before, context);
          if (record.status === 'none') throw new Error(`${stream}: transition ${index} before the record was opened`);
          const requester = record.approvals.find((request) => request.event === transitioned.data['event'] && request.status === 'approved')?.requestedBy;
          const actor = completesChain && requester !== undefined ? requester : { id: String(transitioned.metadata['actor']), roles: transitioned.metadata['roles'] as string[] };
          const next = catalog.get(record.blueprint).explain({
            stage: record.stage,
            fields: record.fields,
            supplied: completesChain ? {} : suppliedBy(step),
            owner: record.owner,
            actor,
            tasks: taskFactsOf(record),
            approvals: record.approvals.filter((request) => request.status === 'approved').map((request) => ({ event: request.event, status: 'approved' as const, waitingFor: [] })),
          });
          expect({ stream, step: next.find((candidate) => candidate.event === transitioned.data['event']) }).toMatchObject({
            stream,
            step: { allowed: true, unmet: [], to: transitioned.data['to'] },
          });
          transitions += 1;
        }
      }
      expect(transitions).toBeGreaterThan(24);
    });
  });

  it('given a demo seeded yesterday, when seeded again today, then nothing new is stored', async () => {
    await crm('seed', 'demo', '--deals', '12', '--seed', '5');
    const before = await allEvents();
    clock.set('2026-06-02T09:30:00.000Z');

    const again = await crm('seed', 'demo', '--deals', '12', '--seed', '5');

    expect(again.exitCode).toBe(0);
    expect(again.out).toContain('(0 new events)');
    expect(await allEvents()).toHaveLength(before.length);
  });

  it('given a seed, then the plan is the same every time, in the past, and every deal walks the guarded path in order to its end', () => {
    const plan = (seed: number) => demoPipeline({ reps: ['rita', 'raj'], deals: 30, seed, now: new Date('2026-06-01T10:00:00Z') });
    expect(plan(3)).toEqual(plan(3));
    expect(plan(3)).not.toEqual(plan(4));
    const path = ['analyze_needs', 'propose', 'negotiate', 'request_approval'];
    for (const deal of plan(3).open) expect(deal.steps.map((step) => step.event)).toEqual(path.slice(0, deal.steps.length));
    for (const deal of plan(3).closed) {
      const events = deal.steps.map((step) => step.event);
      expect(['close_won', 'close_lost']).toContain(events[events.length - 1]);
      expect(events.slice(0, -1)).toEqual(path.slice(0, events.length - 1));
      if (events[events.length - 1] === 'close_won') expect(events.slice(0, -1)).toEqual(path);
    }
    for (const deal of [...plan(3).open, ...plan(3).closed]) {
      const times = [deal.openedAt, ...deal.steps.map((step) => step.at)];
      expect([...times].sort()).toEqual(times);
      expect(times.every((time) => time < '2026-06-01T00:00:00.000Z')).toBe(true);
    }
  });

  it('given a bad --deals, when seeded, then a usage error and nothing stored', async () => {
    const refused = await crm('seed', 'demo', '--deals', 'many');
    expect(refused.exitCode).toBe(2);
    expect(refused.err).toContain('--deals');
  });
});

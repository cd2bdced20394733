import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';
import { demoPipeline } from '../seed/demo-pipeline';

const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

describe('crm seed demo', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', SHIPPED], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const allEvents = async (): Promise<StoredEvent[]> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return await store.readAll({ from: 'start', maxCount: 100_000 });
    } finally {
      await store.close();
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-seed-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given an empty data directory, when seeded twice, then the demo is stored once, every write by its owner through the handler', async () => {
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
    expect(recordEvents.filter((event) => event.type === 'Transitioned').length).toBeGreaterThan(0);
    expect(recordEvents.some((event) => event.metadata['imported'] === true)).toBe(true);
    for (const event of recordEvents.filter((event) => event.stream.startsWith('opportunity-'))) {
      expect(['rita', 'raj']).toContain(event.metadata['actor']);
    }
  });

  it('given a seed, then the plan is the same every time and open deals walk the guarded path in order', () => {
    const plan = (seed: number) => demoPipeline({ reps: ['rita', 'raj'], deals: 30, seed, now: new Date('2026-06-01T00:00:00Z') });
    expect(plan(3)).toEqual(plan(3));
    expect(plan(3)).not.toEqual(plan(4));
    const path = ['analyze_needs', 'propose', 'negotiate', 'request_approval'];
    for (const deal of plan(3).open) expect(deal.steps.map((step) => step.event)).toEqual(path.slice(0, deal.steps.length));
    for (const deal of plan(3).closed) expect(['closed_won', 'closed_lost']).toContain(deal.stages[deal.stages.length - 1].stage);
  });

  it('given a bad --deals, when seeded, then a usage error and nothing stored', async () => {
    const refused = await crm('seed', 'demo', '--deals', 'many');
    expect(refused.exitCode).toBe(2);
    expect(refused.err).toContain('--deals');
  });
});

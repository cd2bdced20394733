import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { RECORD_EVENT_SCHEMAS } from '@crm/workflow';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

/** An opportunity draft whose needs analysis also needs an approved budget, a field no recorded deal has. */
const draftNeedingApprovedBudget = (): string =>
  readFileSync(join(SHIPPED, 'opportunity.blueprint.yaml'), 'utf8')
    .replace(/^version: (\d+)$/m, (_line, version: string) => `version: ${Number(version) + 1}`)
    .replace('requires: [budget, decisionMaker, timeline]', 'requires: [budget, decisionMaker, timeline, budgetApproved]')
    .replace(/^fields:\n/m, 'fields:\n  budgetApproved: { type: boolean, label: Budget approved }\n');

describe('crm blueprint what-if', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--blueprints', SHIPPED, '--data-dir', 'data'], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const everyEvent = async (): Promise<StoredEvent[]> => {
    const store = await SqliteEventStore.open({ directory: join(root, 'data'), clock, readOnly: true, schemas: RECORD_EVENT_SCHEMAS });
    try {
      const events: StoredEvent[] = [];
      for (let page = await store.readAll({ maxCount: 5_000 }); page.length > 0; page = await store.readAll({ from: page[page.length - 1]?.position, maxCount: 5_000 })) events.push(...page);
      return events;
    } finally {
      await store.close();
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-what-if-'));
    writeFileSync(join(root, 'opportunity-draft.blueprint.yaml'), draftNeedingApprovedBudget());
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given the demo history, when a draft also requires an approved budget, then every recorded needs analysis is refused by that rule and nothing is stored', async () => {
    expect((await crm('seed', 'demo', '--deals', '40')).exitCode).toBe(0);
    const before = await everyEvent();
    // The independent count: every needs analysis ever recorded on an opportunity, since no deal had the new field.
    const analyses = before.filter((event) => event.stream.startsWith('opportunity-') && event.type === 'Transitioned' && event.data['event'] === 'analyze_needs');
    expect(analyses.length).toBeGreaterThan(0);

    const result = await crm('blueprint', 'what-if', 'opportunity-draft.blueprint.yaml', '--json');

    expect(result.err).toBe('');
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.out) as { refusedByRule: { event: string; field?: string; count: number }[]; refused: unknown[]; records: number };
    expect(report.refusedByRule.find((rule) => rule.field === 'budgetApproved')).toMatchObject({ event: 'analyze_needs', count: analyses.length });
    expect(report.refused).toHaveLength(analyses.length);
    expect(await everyEvent()).toEqual(before);
  });

  it('given a window, when the dates are not dates, then it is a usage error', async () => {
    expect((await crm('seed', 'demo', '--deals', '5')).exitCode).toBe(0);
    const result = await crm('blueprint', 'what-if', 'opportunity-draft.blueprint.yaml', '--from', 'last week');
    expect(result.exitCode).not.toBe(0);
    expect(result.err).toContain('--from last week: expected a date (YYYY-MM-DD)');
  });

  it('prints the refusals by rule, the records elsewhere and both funnels', async () => {
    expect((await crm('seed', 'demo', '--deals', '20')).exitCode).toBe(0);
    const result = await crm('blueprint', 'what-if', 'opportunity-draft.blueprint.yaml', '--from', '2000-01-01');
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('analyze_needs: Budget approved is required');
    expect(result.out).toMatch(/funnel \(records that reached each stage\): recorded \| draft/);
  });
});

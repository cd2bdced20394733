import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBlueprint, parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler } from '../record/record-command.handler';
import type { RecordCommand } from '../record/record.commands';
import { whatIfReplay } from './what-if-replay';

const rita: Actor = { id: 'rita', roles: ['rep'] };

const dealBlueprint = (version: number, analyzeRequires: string, closeLost = '{ event: close_lost, from: any-open, to: closed_lost }'): string => `
id: deal
version: ${version}
kind: deal
title: Deal
initialStage: qualification
fields:
  name: { type: string }
  budget: { type: money }
  notes: { type: text }
stages:
  qualification: { title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }
  needs_analysis: { title: Needs analysis, order: 2, probability: 20, forecastCategory: pipeline }
  proposal: { title: Proposal, order: 3, probability: 50, forecastCategory: pipeline }
  closed_lost: { title: Closed lost, order: 4, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: analyze_needs, from: qualification, to: needs_analysis, requires: [${analyzeRequires}] }
  - { event: propose, from: needs_analysis, to: proposal }
  - ${closeLost}
`;

describe('what-if replay of recorded history against a draft', () => {
  let directory: string;
  let store: EventStore;
  let catalog: BlueprintCatalog;
  let handler: RecordCommandHandler;
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const send = (command: Record<string, unknown>) => handler.execute({ commandId: newCommandId(clock), actor: rita, kind: 'deal', ...command } as unknown as RecordCommand);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-what-if-'));
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [parseBlueprint(dealBlueprint(1, 'budget'), 'deal.blueprint.yaml')]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
  });

  afterEach(async () => {
    await catalog.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given deals moved with and without notes, when a draft requires notes to analyze needs, then it names the moves it would refuse, where the deals would be, and both funnels, storing nothing', async () => {
    // Given: four deals; two analysed with notes, two without; one of those without notes also proposed.
    const deals: string[] = [];
    for (const name of ['Globex', 'Initech', 'Umbrella', 'Hooli']) deals.push((await send({ type: 'OpenRecord', fields: { name } })).recordId);
    const [globex, initech, umbrella, hooli] = deals as [string, string, string, string];
    await send({ type: 'FireTransition', recordId: globex, event: 'analyze_needs', fields: { budget: 10_000, notes: 'CFO on board' } });
    await send({ type: 'FireTransition', recordId: initech, event: 'analyze_needs', fields: { budget: 20_000 } });
    await send({ type: 'FireTransition', recordId: umbrella, event: 'analyze_needs', fields: { budget: 30_000 } });
    await send({ type: 'FireTransition', recordId: umbrella, event: 'propose' });
    await send({ type: 'UpdateFields', recordId: hooli, fields: { budget: 5_000, notes: 'small' } });
    await send({ type: 'FireTransition', recordId: hooli, event: 'analyze_needs' });
    const headBefore = await store.headPosition();

    // When
    const draft = compileBlueprint(parseBlueprint(dealBlueprint(2, 'budget, notes'), 'deal.draft.yaml'));
    const report = await whatIfReplay({ store, catalog, draft });

    // Then: the two moves made without notes are refused, by the notes rule.
    expect(report.records).toBe(4);
    expect(report.transitions).toBe(5);
    expect(report.refused.map((refusal) => [refusal.recordId, refusal.event])).toEqual(
      expect.arrayContaining([
        [initech, 'analyze_needs'],
        [umbrella, 'analyze_needs'],
      ]),
    );
    expect(report.refused).toHaveLength(2);
    expect(report.refusedByRule).toEqual([expect.objectContaining({ event: 'analyze_needs', criterion: 'required_field', field: 'notes', count: 2 })]);
    expect(report.elsewhere).toEqual(
      expect.arrayContaining([
        { recordId: initech, stage: 'needs_analysis', draftStage: 'qualification' },
        { recordId: umbrella, stage: 'proposal', draftStage: 'qualification' },
      ]),
    );
    expect(report.elsewhere).toHaveLength(2);
    expect(report.funnel).toEqual([
      { stage: 'qualification', title: 'Qualification', recorded: 4, draft: 4 },
      { stage: 'needs_analysis', title: 'Needs analysis', recorded: 4, draft: 2 },
      { stage: 'proposal', title: 'Proposal', recorded: 1, draft: 0 },
      { stage: 'closed_lost', title: 'Closed lost', recorded: 0, draft: 0 },
    ]);
    // Read-only: nothing was appended.
    expect(await store.headPosition()).toEqual(headBefore);
  });

  it('given deals opened on two days, when the window covers the second, then only its deals are replayed', async () => {
    await send({ type: 'OpenRecord', fields: { name: 'Early' } });
    clock.set('2026-03-10T09:00:00.000Z');
    const late = (await send({ type: 'OpenRecord', fields: { name: 'Late' } })).recordId;
    await send({ type: 'FireTransition', recordId: late, event: 'analyze_needs', fields: { budget: 1 } });

    const draft = compileBlueprint(parseBlueprint(dealBlueprint(2, 'budget, notes'), 'deal.draft.yaml'));
    const report = await whatIfReplay({ store, catalog, draft, window: { from: '2026-03-05T00:00:00.000Z' } });

    expect(report.records).toBe(1);
    expect(report.refused.map((refusal) => refusal.recordId)).toEqual([late]);
  });

  it('given deals lost with notes given in the losing step or only earlier, when a draft wants notes supplied with the loss, then only the loss without them is refused', async () => {
    const suppliedThen = (await send({ type: 'OpenRecord', fields: { name: 'Globex' } })).recordId;
    const givenEarlier = (await send({ type: 'OpenRecord', fields: { name: 'Initech' } })).recordId;
    await send({ type: 'UpdateFields', recordId: givenEarlier, fields: { notes: 'went quiet' } });
    // Interleaved: the other deal's commands come between, so what a loss supplied is its own command's only.
    await send({ type: 'FireTransition', recordId: suppliedThen, event: 'close_lost', fields: { notes: 'chose a competitor' } });
    await send({ type: 'FireTransition', recordId: givenEarlier, event: 'close_lost' });

    const draft = compileBlueprint(parseBlueprint(dealBlueprint(2, 'budget', '{ event: close_lost, from: any-open, to: closed_lost, supply: [notes] }'), 'deal.draft.yaml'));
    const report = await whatIfReplay({ store, catalog, draft });

    expect(report.refused.map((refusal) => [refusal.recordId, refusal.event, refusal.unmet.map((unmet) => unmet.criterion)])).toEqual([[givenEarlier, 'close_lost', ['supplied_field']]]);
    expect(report.elsewhere).toEqual([{ recordId: givenEarlier, stage: 'closed_lost', draftStage: 'qualification' }]);
  });
});

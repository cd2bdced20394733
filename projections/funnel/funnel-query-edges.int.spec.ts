import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { setTeams } from '../teams/teams.table';
import { funnelProjection } from './funnel.projection';
import { queryFunnel, type FunnelQuery } from './funnel.queries';
import { queryFunnelByVisitFold } from './testing/funnel-visit-fold.reference';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const rita: Actor = { id: 'rita', roles: ['rep'] };
const olga: Actor = { id: 'olga', roles: ['process_owner'] };

/**
 * v1: open → proposal → won, a nurture loop off open, lost with `lossReason`; `tier` a groupable string.
 * v2 moves the same stage names around: proposal comes second, nurture becomes a final parking stage
 * (order 6), the loss asks for `churn` instead, and `tier` is a groupable boolean (so "true" and true
 * are one group).
 */
const deal = (version: 1 | 2): string =>
  version === 1
    ? `
id: deal
version: 1
kind: deal
initialStage: open
fields:
  name:       { type: string }
  source:     { type: enum, values: [web, referral] }
  tier:       { type: string, groupable: true }
  lossReason: { type: enum, values: [price, timing] }
  churn:      { type: enum, values: [budget, silence] }
stages:
  open:     { order: 1, probability: 10, forecastCategory: pipeline }
  nurture:  { order: 2, probability: 5, forecastCategory: pipeline }
  proposal: { order: 3, probability: 50, forecastCategory: best_case }
  won:      { order: 4, probability: 100, forecastCategory: closed, outcome: won }
  lost:     { order: 5, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: nurture, from: open, to: nurture }
  - { event: wake, from: nurture, to: open }
  - { event: propose, from: open, to: proposal }
  - { event: win, from: proposal, to: won }
  - { event: lose, from: any-open, to: lost, supply: [lossReason] }
`
    : `
id: deal
version: 2
kind: deal
initialStage: open
fields:
  name:       { type: string }
  source:     { type: enum, values: [web, referral] }
  tier:       { type: boolean, groupable: true }
  lossReason: { type: enum, values: [price, timing] }
  churn:      { type: enum, values: [budget, silence] }
stages:
  open:     { order: 1, probability: 10, forecastCategory: pipeline }
  proposal: { order: 2, probability: 50, forecastCategory: best_case }
  won:      { order: 4, probability: 100, forecastCategory: closed, outcome: won }
  lost:     { order: 5, probability: 0, forecastCategory: omitted, outcome: lost }
  nurture:  { order: 6, probability: 5, forecastCategory: omitted, final: true }
transitions:
  - { event: park, from: open, to: nurture }
  - { event: propose, from: open, to: proposal }
  - { event: win, from: proposal, to: won }
  - { event: lose, from: any-open, to: lost, supply: [churn] }
`;

/** Every instant something happened, a millisecond either side of it, and the end of its day. */
const momentsAround = (instants: readonly string[]): string[] => {
  const moments = new Set<string>();
  for (const instant of instants) {
    const at = Date.parse(instant);
    for (const moment of [at - 1, at, at + 1]) moments.add(new Date(moment).toISOString());
    moments.add(instant.slice(0, 10));
  }
  return [...moments].sort();
};

const questionsAt = (asOf: string | undefined): FunnelQuery[] => {
  const at = asOf === undefined ? {} : { asOf };
  return [
    { ...at },
    { ...at, by: 'owner' },
    { ...at, by: 'team' },
    { ...at, by: 'cohort' },
    { ...at, by: 'cohort', cohort: 'quarter' },
    { ...at, by: 'source' },
    { ...at, by: 'tier' },
    { ...at, by: 'lossReason', lostReasonField: 'churn' },
    { ...at, lostReasonField: 'tier' },
    { ...at, conformance: 'conforming', by: 'owner' },
    { ...at, from: '2026-03-03', to: '2026-03-20' },
    { ...at, from: '2026-03-05', by: 'churn', conformance: 'conforming' },
  ];
};

/**
 * The packed visit stream numbers each stage by the facts it was entered with and reads lost reasons per
 * record in SQL; this history holds what that could get wrong, and every answer at every moment around
 * every event must equal the visit fold's: a stage name whose order and finality change between
 * versions (records of both in one group), a lost-reason field that differs by pinned version and moves
 * with a migration, a migration into the same stage and one into another, imported StageRecorded
 * histories lost twice, owners and fields changing (intervals), two records opened at the same instant,
 * and values of two types with one label.
 */
describe('the funnel query against the visit fold, around every event of a history of edge cases', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const instants: string[] = [];
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const at = (instant: string): void => {
    clock.set(instant);
    instants.push(instant);
  };
  const execute = async (command: CommandDraft, actor: Actor = rita): Promise<void> => {
    commands += 1;
    await handler.execute({ ...command, commandId: `edges-${commands}`, actor } as RecordCommand);
  };
  const open = (recordId: string, fields: Record<string, string | boolean>): Promise<void> =>
    execute({ type: 'OpenRecord', kind: 'deal', recordId, fields: { name: recordId, ...fields } });
  const fire = (recordId: string, event: string, fields?: Record<string, string>): Promise<void> =>
    execute({ type: 'FireTransition', kind: 'deal', recordId, event, ...(fields === undefined ? {} : { fields }) });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-funnel-edges-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [parseBlueprint(deal(1), 'deal-v1.yaml')]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });

    at('2026-03-02T09:00:00.000Z');
    await open('d-1', { source: 'web', tier: 'true' });
    // d-2 and d-3 opened at the same instant: the window orders them as they were stored.
    at('2026-03-02T10:00:00.000Z');
    await open('d-2', { source: 'referral', tier: 'gold' });
    await open('d-3', { source: 'web' });
    at('2026-03-03T09:00:00.000Z');
    await fire('d-1', 'nurture');
    await fire('d-2', 'propose');
    await open('d-4', { source: 'referral', tier: 'true' });
    await open('d-5', { source: 'web' });
    at('2026-03-04T12:30:00.000Z');
    await fire('d-1', 'wake');
    await fire('d-3', 'lose', { lossReason: 'timing' });
    await execute({ type: 'Reassign', kind: 'deal', recordId: 'd-2', owner: 'omar' }, olga);
    await fire('d-4', 'nurture');
    at('2026-03-05T09:00:00.000Z');
    await fire('d-1', 'propose');
    await fire('d-2', 'lose', { lossReason: 'price' });
    await execute({ type: 'UpdateFields', kind: 'deal', recordId: 'd-1', fields: { source: 'referral' } });
    at('2026-03-06T09:00:00.000Z');
    await catalog.publish(parseBlueprint(deal(2), 'deal-v2.yaml'));
    await fire('d-1', 'win');
    // d-4 stays in nurture (one visit, entered under v1's facts); d-5 moves from open to proposal.
    at('2026-03-09T09:00:00.000Z');
    await execute({ type: 'MigrateRecord', kind: 'deal', recordId: 'd-4', toVersion: 2, reason: 'v2' }, olga);
    await execute({ type: 'MigrateRecord', kind: 'deal', recordId: 'd-5', toVersion: 2, stageMap: { open: 'proposal' }, reason: 'v2' }, olga);
    await open('d-6', { source: 'web', tier: true });
    await open('d-7', { source: 'referral', tier: false });
    at('2026-03-10T09:00:00.000Z');
    await fire('d-6', 'park');
    await fire('d-7', 'propose');
    await fire('d-5', 'lose', { churn: 'budget' });
    at('2026-03-11T15:45:00.000Z');
    await fire('d-7', 'lose', { churn: 'silence' });
    await execute({ type: 'Reassign', kind: 'deal', recordId: 'd-6', owner: null }, olga);
    // Imported past histories, both opened at the instant d-2 and d-3 were: one a transition explains at
    // every step, one won straight from open (StageRecorded: non-conforming from then on).
    at('2026-03-12T09:00:00.000Z');
    const importer: Actor = { id: 'importer', roles: ['admin'] };
    await execute(
      {
        type: 'ImportRecordHistory',
        kind: 'deal',
        recordId: 'imp-1',
        owner: 'omar',
        openedAt: '2026-03-02T10:00:00.000Z',
        fields: { name: 'imp-1', source: 'web', tier: true },
        stages: [
          { stage: 'proposal', enteredAt: '2026-03-03T11:00:00.000Z' },
          { stage: 'lost', enteredAt: '2026-03-10T09:00:00.000Z', fields: { churn: 'silence' } },
        ],
        source: 'edges.csv#row 2',
      },
      importer,
    );
    await execute(
      {
        type: 'ImportRecordHistory',
        kind: 'deal',
        recordId: 'imp-2',
        owner: 'rita',
        openedAt: '2026-03-02T10:00:00.000Z',
        fields: { name: 'imp-2', source: 'referral' },
        stages: [{ stage: 'won', enteredAt: '2026-03-04T12:30:00.000Z' }],
        source: 'edges.csv#row 3',
      },
      importer,
    );
    instants.push('2026-03-03T11:00:00.000Z');

    readModels = ReadModelDatabase.open({ directory });
    setTeams(readModels.db, clock, [
      { owner: 'rita', team: 'west' },
      { owner: 'omar', team: 'west' },
    ]);
    await catchUpProjection({ store, readModels, projection: funnelProjection(), clock });
  });

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given the history, then it holds the edge cases: a stage with two sets of facts, lost reasons from two fields, a non-conforming record', () => {
    const nurture = readModels.db.prepare("SELECT DISTINCT stage_order, final FROM funnel_visits WHERE kind = 'deal' AND stage = 'nurture' ORDER BY stage_order").all();
    const report = queryFunnel(readModels.db, { kind: 'deal' });

    expect(nurture).toEqual([
      { stage_order: 2, final: 0 },
      { stage_order: 6, final: 1 },
    ]);
    expect(Object.fromEntries(report.lostReasons.map((row) => [row.reason, row.count]))).toEqual({ budget: 1, price: 1, silence: 2, timing: 1 });
    expect(report.nonConforming).toBe(1);
    expect(report.records).toBe(9);
  });

  it('given the history, when the funnel is asked at every moment around every event, then every answer is byte-identical to the visit fold', () => {
    for (const asOf of [...momentsAround(instants), undefined]) {
      for (const question of questionsAt(asOf)) {
        const query = { kind: 'deal', ...question };

        expect([query, JSON.stringify(queryFunnel(readModels.db, query))]).toEqual([query, JSON.stringify(queryFunnelByVisitFold(readModels.db, query))]);
      }
    }
  });
});

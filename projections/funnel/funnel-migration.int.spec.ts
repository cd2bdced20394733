import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { knownAt } from '../shared/record-events';
import { funnelProjection } from './funnel.projection';
import { queryFunnel, type FunnelQuery, type FunnelStageRow } from './funnel.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const rita: Actor = { id: 'rita', roles: ['rep'] };
const olga: Actor = { id: 'olga', roles: ['process_owner'] };

/**
 * v1: qualification → needs analysis → proposal, or lost; `segment` groupable. v2 renames needs analysis
 * to discovery (the stage map moves deals there) and no longer lets reports group by `segment`.
 */
const deal = (version: 1 | 2): string => {
  const middle = version === 1 ? 'needs_analysis' : 'discovery';
  return `
id: deal
version: ${version}
kind: deal
initialStage: qualification
fields:
  name:    { type: string }
  segment: { type: enum, values: [smb, enterprise]${version === 1 ? '' : ', groupable: false'} }
stages:
  qualification: { order: 1, probability: 10, forecastCategory: pipeline }
  ${middle}:     { order: 2, probability: 20, forecastCategory: pipeline }
  proposal:      { order: 3, probability: 50, forecastCategory: best_case }
  closed_lost:   { order: 4, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: analyze_needs, from: qualification, to: ${middle} }
  - { event: propose, from: ${middle}, to: proposal }
  - { event: close_lost, from: any-open, to: closed_lost }
`;
};

const byStage = (rows: readonly FunnelStageRow[]): Record<string, Pick<FunnelStageRow, 'entered' | 'advanced' | 'completedVisits'>> =>
  Object.fromEntries(rows.map(({ stage, entered, advanced, completedVisits }) => [stage, { entered, advanced, completedVisits }]));

describe('the funnel follows records migrated to another blueprint version', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const beforeMigration = '2026-03-09';
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (command: CommandDraft, actor: Actor = rita): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `migration-${commands}`, actor } as RecordCommand);
  };
  const migrate = (recordId: string): ReturnType<RecordCommandHandler['execute']> =>
    execute({ type: 'MigrateRecord', kind: 'deal', recordId, toVersion: 2, stageMap: { needs_analysis: 'discovery' }, reason: 'discovery replaces needs analysis' }, olga);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-funnel-migration-'));
    clock.set('2026-03-02T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [parseBlueprint(deal(1), 'deal-v1.yaml')]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    // Given on v1: d-1 in qualification, d-2 and d-3 in needs analysis (a week there by the migration).
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-1', fields: { name: 'Globex', segment: 'smb' } });
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-2', fields: { name: 'Initech', segment: 'enterprise' } });
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-3', fields: { name: 'Hooli', segment: 'enterprise' } });
    clock.set('2026-03-03T09:00:00.000Z');
    await execute({ type: 'FireTransition', kind: 'deal', recordId: 'd-2', event: 'analyze_needs' });
    await execute({ type: 'FireTransition', kind: 'deal', recordId: 'd-3', event: 'analyze_needs' });
    await catalog.publish(parseBlueprint(deal(2), 'deal-v2.yaml'));
    // When the deals are migrated to v2 on 2026-03-10 with needs_analysis → discovery.
    clock.set('2026-03-10T09:00:00.000Z');
    for (const recordId of ['d-1', 'd-2', 'd-3']) await migrate(recordId);
    clock.set('2026-03-12T09:00:00.000Z');
    await execute({ type: 'FireTransition', kind: 'deal', recordId: 'd-3', event: 'propose' });
    await catchUpProjection({ store, readModels, projection: funnelProjection(), clock });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a migration that maps needs analysis to discovery, when queried as of after it, then the moved deals count in discovery from the migration on', () => {
    const report = queryFunnel(readModels.db, { kind: 'deal', asOf: '2026-03-10' });

    expect(byStage(report.rows)).toEqual({
      qualification: { entered: 3, advanced: 2, completedVisits: 2 },
      needs_analysis: { entered: 2, advanced: 0, completedVisits: 2 },
      discovery: { entered: 2, advanced: 0, completedVisits: 0 },
    });
    // A week in needs analysis, ended by the migration.
    expect(report.rows.find((row) => row.stage === 'needs_analysis')?.medianDays).toBe(7);
  });

  it('given a deal moved on after its migration, when queried now, then it advanced from discovery under the new version', () => {
    const report = queryFunnel(readModels.db, { kind: 'deal' });

    expect(byStage(report.rows)).toEqual({
      qualification: { entered: 3, advanced: 2, completedVisits: 2 },
      needs_analysis: { entered: 2, advanced: 0, completedVisits: 2 },
      discovery: { entered: 2, advanced: 1, completedVisits: 1 },
      proposal: { entered: 1, advanced: 0, completedVisits: 0 },
    });
    expect(report.rows.find((row) => row.stage === 'discovery')?.medianDays).toBe(2);
  });

  it('given the migration, when queried as of before it, then the funnel shows the old picture: needs analysis open, no discovery', () => {
    const report = queryFunnel(readModels.db, { kind: 'deal', asOf: beforeMigration });

    expect(byStage(report.rows)).toEqual({
      qualification: { entered: 3, advanced: 2, completedVisits: 2 },
      needs_analysis: { entered: 2, advanced: 0, completedVisits: 0 },
    });
  });

  it.each([
    ['before it', beforeMigration],
    ['its day', '2026-03-10'],
    ['the day after', '2026-03-11'],
    ['now', undefined],
  ])('given the migration, when queried as of %s, then the answer equals a replay of only the events known then', async (_moment, asOf) => {
    const replay = await replayProjections({
      store,
      projections: [funnelProjection()],
      directory: mkdtempSync(join(directory, 'replay-')),
      clock,
      ...(asOf === undefined ? {} : { include: knownAt(`${asOf}T23:59:59.999Z`) }),
    });
    try {
      const queries: FunnelQuery[] = [{ kind: 'deal' }, { kind: 'deal', by: 'segment' }, { kind: 'deal', by: 'cohort' }];
      for (const query of queries) {
        expect(queryFunnel(readModels.db, { ...query, ...(asOf === undefined ? {} : { asOf }) })).toEqual(
          queryFunnel(replay.readModels.db, { ...query, ...(asOf === undefined ? {} : { asOf }) }),
        );
      }
    } finally {
      replay.readModels.close();
    }
  });

  it('given a field v2 does not let reports group by, when grouped by it, then deals count under their values before the migration and under (none) after', () => {
    const groups = (asOf: string): string[] => [
      ...new Set(queryFunnel(readModels.db, { kind: 'deal', by: 'segment', asOf }).rows.filter((row) => row.stage === 'qualification').map((row) => `${row.group} ${row.entered}`)),
    ];

    expect(groups(beforeMigration)).toEqual(['enterprise 2', 'smb 1']);
    expect(groups('2026-03-10')).toEqual(['(none) 3']);
  });
});

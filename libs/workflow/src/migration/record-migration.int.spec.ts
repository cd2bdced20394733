import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler } from '../record/record-command.handler';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { applyMigration } from './apply-migration';
import { planMigration } from './migration-plan';

const rita: Actor = { id: 'rita', roles: ['rep'] };
const olga: Actor = { id: 'olga', roles: ['process_owner'] };

/** v1: qualification → needs analysis (requires budget) → closed; v2 renames needs analysis to discovery, which also requires a decision maker. */
const deal = (version: number): string => {
  const middle = version === 1 ? 'needs_analysis' : 'discovery';
  return `
id: deal
version: ${version}
kind: deal
title: Deal
initialStage: qualification
fields:
  name: { type: string }
  budget: { type: money }
  decisionMaker: { type: string }
stages:
  qualification: { title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }
  ${middle}:
    title: Middle
    order: 2
    probability: 20
    forecastCategory: pipeline
    entry:
      tasks:
        - { id: call_${middle}, title: Call }
  closed_lost: { title: Closed lost, order: 3, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - event: analyze_needs
    from: qualification
    to: ${middle}
    requires: [${version === 1 ? 'budget' : 'budget, decisionMaker'}]
  - event: close_lost
    from: any-open
    to: closed_lost
`;
};

describe('migrating records between blueprint versions', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let catalog: BlueprintCatalog;
  let commands: RecordCommandHandler;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-migration-'));
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [parseBlueprint(deal(1), 'deal-v1.yaml')]);
    commands = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Opens deals on v1: one in qualification, one in needs analysis with a decision maker, one without. */
  const givenDealsOnV1 = async (): Promise<void> => {
    for (const [id, fields] of [['q-1', { name: 'Q' }], ['n-1', { name: 'N', budget: 10, decisionMaker: 'Bo' }], ['n-2', { name: 'N2', budget: 20 }]] as const) {
      await commands.execute({ type: 'OpenRecord', kind: 'deal', recordId: id, commandId: `open-${id}`, actor: rita, fields });
      if (id !== 'q-1') await commands.execute({ type: 'FireTransition', kind: 'deal', recordId: id, commandId: `analyze-${id}`, actor: rita, event: 'analyze_needs' });
    }
    await catalog.publish(parseBlueprint(deal(2), 'deal-v2.yaml'));
  };

  const liveOnVersion = async (version: number) =>
    Promise.all(
      ['q-1', 'n-1', 'n-2'].map(async (recordId) => {
        const record = await commands.load('deal', recordId);
        if (record.status === 'none') throw new Error(recordId);
        return { recordId, stage: record.stage, fields: record.fields, revision: record.revision, version: record.blueprint.version };
      }),
    ).then((records) => records.filter((record) => record.version === version));

  const compiled = (version: number) => {
    const ref = catalog.versions('deal').find((candidate) => candidate.version === version);
    if (ref === undefined) throw new Error(`no v${version}`);
    return catalog.get(ref);
  };

  it('given deals on v1, when a migration to v2 is planned with a stage map, then each record has its target stage and the criteria it would break', async () => {
    await givenDealsOnV1();

    const plan = planMigration(compiled(1), compiled(2), { needs_analysis: 'discovery' }, await liveOnVersion(1));

    expect(plan.records.map(({ recordId, toStage, unmet }) => [recordId, toStage, unmet.map((criterion) => criterion.field)])).toEqual([
      ['q-1', 'qualification', []],
      ['n-1', 'discovery', []],
      ['n-2', 'discovery', ['decisionMaker']],
    ]);
    expect(plan.summary).toEqual({ records: 3, ready: 2, breaking: 1, removedStage: 0 });
    expect(plan.unmetByRule).toEqual({ 'required_field decisionMaker': 1 });
  });

  it('given no stage map, when planned, then records in a stage v2 removed are listed as such', async () => {
    await givenDealsOnV1();

    const plan = planMigration(compiled(1), compiled(2), {}, await liveOnVersion(1));

    expect(plan.records.filter((record) => record.toStage === null).map((record) => record.recordId)).toEqual(['n-1', 'n-2']);
    expect(plan.summary.removedStage).toBe(2);
  });

  it('given the plan, when applied without force, then the records that fit move with RecordMigrated and the one that breaks is refused; with force and a reason it moves too', async () => {
    await givenDealsOnV1();
    const plan = planMigration(compiled(1), compiled(2), { needs_analysis: 'discovery' }, await liveOnVersion(1));

    const first = await applyMigration(commands, 'deal', plan, { actor: olga, reason: 'v2 discovery' });

    expect(first.records.map((outcome) => [outcome.recordId, outcome.status, outcome.error?.code])).toEqual([
      ['q-1', 'migrated', undefined],
      ['n-1', 'migrated', undefined],
      ['n-2', 'refused', WorkflowExceptionCode.MIGRATION_REFUSED],
    ]);
    const n1 = await commands.load('deal', 'n-1');
    expect(n1.status === 'none' ? null : [n1.blueprint.version, n1.stage, n1.tasks.filter((task) => task.status === 'open').map((task) => task.template)]).toEqual([2, 'discovery', ['call_discovery']]);
    const history = await store.readStream('deal-n-1');
    expect(history.find((event) => event.type === 'RecordMigrated')?.data).toMatchObject({
      from: { version: 1 },
      to: { version: 2 },
      stageMap: { needs_analysis: 'discovery' },
      fromStage: 'needs_analysis',
      toStage: 'discovery',
      actor: 'olga',
      reason: 'v2 discovery',
      unmet: [],
    });

    const rest = planMigration(compiled(1), compiled(2), { needs_analysis: 'discovery' }, await liveOnVersion(1));
    const forced = await applyMigration(commands, 'deal', rest, { actor: olga, reason: 'decision makers come later', force: true });

    expect(forced.migrated).toBe(1);
    const n2 = await store.readStream('deal-n-2');
    expect(n2.find((event) => event.type === 'RecordMigrated')?.data['unmet']).toEqual([expect.objectContaining({ field: 'decisionMaker' })]);
  });

  it('given a migration applied, when applied again, then nothing new is stored; when undone by the reverse migration, then the records are back on v1 in their stage', async () => {
    await givenDealsOnV1();
    const plan = planMigration(compiled(1), compiled(2), { needs_analysis: 'discovery' }, await liveOnVersion(1));
    await applyMigration(commands, 'deal', plan, { actor: olga });
    const head = await store.headPosition();

    const again = await applyMigration(commands, 'deal', plan, { actor: olga });
    expect(await store.headPosition()).toEqual(head);
    expect(again.records.filter((outcome) => outcome.status === 'migrated').map((outcome) => outcome.recordId)).toEqual(['q-1', 'n-1']);

    const back = planMigration(compiled(2), compiled(1), { discovery: 'needs_analysis' }, await liveOnVersion(2));
    const undone = await applyMigration(commands, 'deal', back, { actor: olga, reason: 'undo' });

    expect(undone.migrated).toBe(2);
    const n1 = await commands.load('deal', 'n-1');
    expect(n1.status === 'none' ? null : [n1.blueprint.version, n1.stage]).toEqual([1, 'needs_analysis']);
  });

  it('given force without a reason, when a record is migrated, then the command is invalid and nothing is stored', async () => {
    await givenDealsOnV1();
    const head = await store.headPosition();

    const refusal = commands.execute({ type: 'MigrateRecord', kind: 'deal', recordId: 'n-2', commandId: 'force-no-reason', actor: olga, toVersion: 2, stageMap: { needs_analysis: 'discovery' }, force: true });

    await expect(refusal).rejects.toThrow(WorkflowException);
    await expect(refusal).rejects.toThrow(/force needs a reason/);
    expect(await store.headPosition()).toEqual(head);
  });
});

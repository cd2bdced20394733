import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type BlueprintDefinition } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';
import { funnelProjection } from './funnel.projection';
import { queryFunnel, type FunnelQuery } from './funnel.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

/** A deal blueprint with a field of every sort a report might be asked to group by. */
const deal = (version: number, regionGroupable: boolean): BlueprintDefinition =>
  parseBlueprint(
    `
id: deal
version: ${version}
kind: deal
initialStage: open
fields:
  name:         { type: string }
  product:      { type: string, groupable: true }
  region:       { type: string${regionGroupable ? ', groupable: true' : ''} }
  source:       { type: enum, values: [web, referral] }
  account:      { type: reference, to: account }
  notes:        { type: text }
  contactEmail: { type: email }
  lossReason:   { type: enum, values: [price, timing] }
stages:
  open: { order: 1, probability: 10, forecastCategory: pipeline }
  won:  { order: 2, probability: 100, forecastCategory: closed, outcome: won }
  lost: { order: 3, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: win, from: open, to: won }
  - { event: lose, from: open, to: lost, supply: [lossReason] }
`,
    `deal-v${version}.blueprint.yaml`,
  );

/** A lifecycle whose loss reason is free text, with no enum supplied on the way into its lost stage. */
const complaint = parseBlueprint(
  `
id: complaint
version: 1
kind: complaint
initialStage: open
fields:
  lossReason: { type: text }
stages:
  open:    { order: 1, probability: 0, forecastCategory: omitted }
  dropped: { order: 2, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: drop, from: open, to: dropped }
`,
  'complaint.blueprint.yaml',
);

const refusal = (query: FunnelQuery, db: ReadModelDatabase): ReadModelException => {
  try {
    queryFunnel(db.db, query);
  } catch (error) {
    if (error instanceof ReadModelException) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
};

describe('funnel groupings: only the dimensions the blueprint declares groupable', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const rita = { id: 'rita', roles: ['rep'] };
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let catalog: BlueprintCatalog;
  let commands = 0;

  const execute = (command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `dimensions-${commands}`, actor: rita } as RecordCommand);
  };
  const project = (): Promise<unknown> => catchUpProjection({ store, readModels, projection: funnelProjection(), clock });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-funnel-dimensions-'));
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [deal(1, false), complaint]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    const secret = { notes: 'CEO is leaving in May', contactEmail: 'ceo@globex.example', region: 'north' };
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-1', fields: { name: 'Globex', product: 'platform', source: 'web', account: 'acc-1', ...secret } });
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-2', fields: { name: 'Initech', product: 'support', source: 'referral' } });
    await execute({ type: 'FireTransition', kind: 'deal', recordId: 'd-2', event: 'lose', fields: { lossReason: 'price' } });
    await execute({ type: 'OpenRecord', kind: 'complaint', recordId: 'c-1', fields: { lossReason: 'the rep was rude to me, call 555-0100' } });
    await execute({ type: 'FireTransition', kind: 'complaint', recordId: 'c-1', event: 'drop' });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it.each(['notes', 'contactEmail', 'name', 'region', 'nosuch'])('given by=%s, when queried, then it is refused naming the parameter and listing the allowed dimensions', async (by) => {
    await project();

    const error = refusal({ kind: 'deal', by }, readModels);

    expect(error.code).toBe(ReadModelExceptionCode.INVALID_QUERY);
    expect(error.details).toEqual({ parameter: 'by', value: by, allowed: ['cohort', 'owner', 'team', 'product', 'source', 'account', 'lossReason'] });
    expect(error.message).toBe(
      `by must be one of cohort, owner, team, product, source, account, lossReason (the built-in dimensions and the fields the deal blueprint declares groupable), not "${by}"`,
    );
  });

  it.each([
    ['product', ['platform', 'support']],
    ['source', ['referral', 'web']],
    ['account', ['(none)', 'acc-1']],
  ])('given by=%s, a groupable field, when queried, then records are grouped by its values', async (by, groups) => {
    await project();

    const report = queryFunnel(readModels.db, { kind: 'deal', by });

    expect([...new Set(report.rows.map((row) => row.group))]).toEqual(groups);
  });

  it('given lostReasonField=notes, when queried, then it is refused naming the parameter and listing the groupable fields', async () => {
    await project();

    const error = refusal({ kind: 'deal', lostReasonField: 'notes' }, readModels);

    expect(error.details).toEqual({ parameter: 'lostReasonField', value: 'notes', allowed: ['product', 'source', 'account', 'lossReason'] });
    expect(error.message).toBe('lostReasonField must be one of product, source, account, lossReason (the fields the deal blueprint declares groupable), not "notes"');
  });

  it('given lostReasonField=source, a groupable field, when queried, then lost records are counted by its values', async () => {
    await project();

    expect(queryFunnel(readModels.db, { kind: 'deal', lostReasonField: 'source' }).lostReasons).toEqual([{ group: 'all', reason: 'referral', count: 1 }]);
  });

  it('given a field groupable only from version 2 on, when grouped by, then version 2 records by its values and the earlier ones under (none)', async () => {
    await catalog.publish(deal(2, true));
    await execute({ type: 'OpenRecord', kind: 'deal', recordId: 'd-3', fields: { name: 'Hooli', region: 'south' } });
    await project();

    const report = queryFunnel(readModels.db, { kind: 'deal', by: 'region' });

    expect(report.rows.filter((row) => row.stage === 'open').map(({ group, entered }) => ({ group, entered }))).toEqual([
      { group: '(none)', entered: 2 },
      { group: 'south', entered: 1 },
    ]);
  });

  it('given free text, emails and fields not groupable under the pinned version, when projected, then the funnel stores none of their values', async () => {
    await project();

    const stored = readModels.db.prepare('SELECT DISTINCT attribute FROM funnel_attributes ORDER BY attribute').all() as { attribute: string }[];

    expect(stored.map((row) => row.attribute)).toEqual(['field:account', 'field:lossReason', 'field:product', 'field:source', 'owner']);
  });

  it('given a blueprint whose loss reason is free text, when its lost reasons are read, then they are counted without showing the text', async () => {
    await project();

    expect(queryFunnel(readModels.db, { kind: 'complaint' }).lostReasons).toEqual([{ group: 'all', reason: '(none)', count: 1 }]);
  });
});

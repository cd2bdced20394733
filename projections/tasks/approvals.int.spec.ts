import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory, parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, projectionDigest, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler, type RecordCommand } from '@crm/workflow';
import { approvalsProjection } from './approvals.projection';
import { listApprovals, type ApprovalListQuery } from './approvals.queries';

type CommandDraft = RecordCommand extends infer C ? (C extends RecordCommand ? Omit<C, 'commandId' | 'actor'> : never) : never;

const SHIPPED = join(__dirname, '..', '..', 'blueprints');
const rita: Actor = { id: 'rita', roles: ['rep'] };
const max: Actor = { id: 'max', roles: ['manager'] };
const ada: Actor = { id: 'ada', roles: ['admin'] };
const lena: Actor = { id: 'lena', roles: ['rep'] };
/** East: rita's records and unowned ones, as `listScope` gives max. */
const EAST = { owners: ['max', 'rita'], unowned: 'all' as const };
const WEST = { owners: ['mia', 'raj'], unowned: 'all' as const };

/** A contract signed once the manager and the legal counsel (a named user) have both approved, in any order. */
const CONTRACT = parseBlueprint(
  `
id: contract
version: 1
kind: contract
title: Contract
currency: USD
initialStage: draft
fields:
  name: { type: string }
stages:
  draft:  { title: Draft, order: 1, probability: 0, forecastCategory: omitted }
  signed: { title: Signed, order: 2, probability: 0, forecastCategory: omitted, final: true }
transitions:
  - event: sign
    title: Sign
    from: draft
    to: signed
    approval:
      mode: all
      steps:
        - { role: manager, title: Sales manager }
        - { user: lena, title: Legal }
`,
  'contract.blueprint.yaml',
);

describe('approvals read model: the requests waiting for a user', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let handler: RecordCommandHandler;
  let commands = 0;

  const execute = (actor: Actor, command: CommandDraft): ReturnType<RecordCommandHandler['execute']> => {
    commands += 1;
    return handler.execute({ ...command, commandId: `approvals-read-model-${commands}`, actor } as RecordCommand);
  };
  const catchUp = () => catchUpProjection({ store, readModels, projection: approvalsProjection(), clock });
  const waitingFor = (actor: Actor, query: Omit<ApprovalListQuery, 'waitingFor'> = {}): string[] =>
    listApprovals(readModels.db, { ...query, waitingFor: actor }).items.map((item) => `${item.recordId}: ${item.waitingFor.join(', ')}`);
  const approvalIdOf = async (kind: string, recordId: string): Promise<string> => {
    const record = await handler.load(kind, recordId);
    const request = record.status === 'none' ? undefined : record.approvals[record.approvals.length - 1];
    if (request === undefined) throw new Error(`${kind} ${recordId} has no approval request`);
    return request.approvalId;
  };
  /** A quote of rita's at this discount, in review, its approval asked for. */
  const quoteAskingApproval = async (recordId: string, discount: number): Promise<string> => {
    await execute(rita, { type: 'OpenRecord', kind: 'quote', recordId, owner: 'rita', fields: { opportunity: 'globex-1', total: 9000, discount, validUntil: '2026-12-31' } });
    await execute(rita, { type: 'FireTransition', kind: 'quote', recordId, event: 'submit' });
    await execute(rita, { type: 'FireTransition', kind: 'quote', recordId, event: 'approve' });
    return approvalIdOf('quote', recordId);
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-approvals-read-model-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [...loadBlueprintDirectory(SHIPPED), CONTRACT]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    readModels = ReadModelDatabase.open({ directory });
    // The deal the quotes are for: a reference must name a record that exists.
    await execute(rita, { type: 'OpenRecord', kind: 'opportunity', recordId: 'globex-1', owner: 'rita', fields: { name: 'Globex renewal' } });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a sequential chain just asked for, when listed, then it waits for the holders of the first step’s role only, with the record and the steps', async () => {
    const approvalId = await quoteAskingApproval('q-1', 0.25);
    await catchUp();

    expect(listApprovals(readModels.db, { waitingFor: max }).items).toEqual([
      {
        approvalId,
        kind: 'quote',
        recordId: 'q-1',
        recordName: null,
        event: 'approve',
        mode: 'sequential',
        requestedBy: 'rita',
        requestedAt: '2026-06-01T09:00:00.000Z',
        steps: [
          { title: 'Sales manager', role: 'manager', status: 'waiting', by: null, at: null, comment: null },
          { title: 'Finance (admin)', role: 'admin', status: 'waiting', by: null, at: null, comment: null },
        ],
        waitingFor: ['Sales manager'],
      },
    ]);
    expect(waitingFor(ada)).toEqual([]);
    expect(waitingFor(rita)).toEqual([]);
  });

  it('given the requester holds the role of the step, when they list what waits for them, then their own request is not there', async () => {
    await quoteAskingApproval('q-1', 0.25);
    await catchUp();

    expect(waitingFor({ id: 'rita', roles: ['rep', 'manager'] })).toEqual([]);
  });

  it('given a manager of another team, when listed within their read rule, then a request on a record they may not read is not theirs', async () => {
    await quoteAskingApproval('q-1', 0.25);
    await catchUp();

    expect(waitingFor(max, { visibleTo: EAST })).toEqual(['q-1: Sales manager']);
    expect(waitingFor({ id: 'mia', roles: ['manager'] }, { visibleTo: WEST })).toEqual([]);
  });

  it('given the first step granted, when listed, then the request waits for the next step’s role; granted in full, for nobody', async () => {
    const approvalId = await quoteAskingApproval('q-1', 0.25);
    await execute(max, { type: 'GrantApproval', kind: 'quote', recordId: 'q-1', approvalId, comment: 'Strategic' });
    await catchUp();

    expect(waitingFor(max)).toEqual([]);
    expect(waitingFor(ada)).toEqual(['q-1: Finance (admin)']);
    expect(listApprovals(readModels.db, { waitingFor: ada }).items[0]?.steps[0]).toEqual({
      title: 'Sales manager',
      role: 'manager',
      status: 'granted',
      by: 'max',
      at: '2026-06-01T09:00:00.000Z',
      comment: 'Strategic',
    });

    await execute(ada, { type: 'GrantApproval', kind: 'quote', recordId: 'q-1', approvalId });
    await catchUp();

    expect(waitingFor(ada)).toEqual([]);
  });

  it('given a request rejected, or invalidated by a change of a field its steps read, when listed, then it waits for nobody', async () => {
    const rejected = await quoteAskingApproval('q-1', 0.25);
    await quoteAskingApproval('q-2', 0.15);
    await execute(max, { type: 'RejectApproval', kind: 'quote', recordId: 'q-1', approvalId: rejected, reason: 'Too deep' });
    await catchUp();
    expect(waitingFor(max)).toEqual(['q-2: Sales manager']);

    await execute(rita, { type: 'UpdateFields', kind: 'quote', recordId: 'q-2', fields: { discount: 0.18 } });
    await catchUp();

    expect(waitingFor(max)).toEqual([]);
  });

  it('given a chain of all steps with a named user, when listed, then every waiting step may act, each for its own approver', async () => {
    await execute(rita, { type: 'OpenRecord', kind: 'contract', recordId: 'c-1', owner: 'rita', fields: { name: 'Globex master agreement' } });
    await execute(rita, { type: 'FireTransition', kind: 'contract', recordId: 'c-1', event: 'sign' });
    await catchUp();

    expect(waitingFor(max)).toEqual(['c-1: Sales manager, Legal']);
    expect(waitingFor(lena)).toEqual(['c-1: Sales manager, Legal']);
    expect(waitingFor({ id: 'lena2', roles: ['rep'] })).toEqual([]);

    await execute(lena, { type: 'GrantApproval', kind: 'contract', recordId: 'c-1', approvalId: await approvalIdOf('contract', 'c-1') });
    await catchUp();

    expect(waitingFor(lena)).toEqual([]);
    expect(waitingFor(max)).toEqual(['c-1: Sales manager']);
    expect(listApprovals(readModels.db, { waitingFor: max }).items.map((item) => item.recordName)).toEqual(['Globex master agreement']);
  });

  it('given several requests, when listed page by page of one, then the oldest comes first and the pages meet', async () => {
    await quoteAskingApproval('q-1', 0.15);
    clock.advance(60_000);
    await quoteAskingApproval('q-2', 0.15);
    await catchUp();

    const first = listApprovals(readModels.db, { waitingFor: max, limit: 1 });
    const second = listApprovals(readModels.db, { waitingFor: max, limit: 1, cursor: first.nextCursor ?? 'missing' });

    expect([...first.items, ...second.items].map((item) => item.recordId)).toEqual(['q-1', 'q-2']);
    expect(second.nextCursor).toBeNull();
    expect(listApprovals(readModels.db, { waitingFor: max, kind: 'contract' }).items).toEqual([]);
  });

  it('given the history, when the read model is rebuilt from the whole log, then it has the same rows', async () => {
    const approvalId = await quoteAskingApproval('q-1', 0.25);
    await execute(max, { type: 'GrantApproval', kind: 'quote', recordId: 'q-1', approvalId });
    await quoteAskingApproval('q-2', 0.15);
    await catchUp();
    const scratch = mkdtempSync(join(tmpdir(), 'crm-approvals-replay-'));
    try {
      const replay = await replayProjections({ store, projections: [approvalsProjection()], directory: scratch, clock });
      replay.readModels.close();

      expect(replay.projections.map((entry) => entry.digest)).toEqual([projectionDigest(readModels.db, approvalsProjection())]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

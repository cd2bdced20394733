import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor, type UnmetCriterion } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import type { RecordCommand } from './record.commands';
import { RecordCommandHandler } from './record-command.handler';
import { newCommandId } from '@crm/command-handler';
import { recordStreamName } from './record-stream';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';

const rita: Actor = { id: 'rita', roles: ['rep'] };

const dealBlueprint = (version: number, needsAnalysisRequires: string): string => `
id: deal
version: ${version}
kind: deal
title: Deal
initialStage: qualification
fields:
  name: { type: string }
  budget: { type: money }
  decisionMaker: { type: string }
  timeline: { type: date }
  notes: { type: text }
stages:
  qualification: { title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }
  needs_analysis:
    title: Needs analysis
    order: 2
    probability: 20
    forecastCategory: pipeline
    entry:
      tasks:
        - { id: discovery_call, title: Hold the discovery call, dueInDays: 2 }
  closed_lost: { title: Closed lost, order: 3, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - event: analyze_needs
    from: qualification
    to: needs_analysis
    requires: [${needsAnalysisRequires}]
  - event: close_lost
    from: any-open
    to: closed_lost
`;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CommandDraft = DistributiveOmit<RecordCommand, 'commandId' | 'actor'> & { commandId?: string; actor?: Actor };

const failureOf = async (promise: Promise<unknown>): Promise<WorkflowException> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowException) return error;
    throw error;
  }
  throw new Error('expected the command to fail');
};

describe('RecordCommandHandler on the SQLite store', () => {
  let directory: string;
  let store: EventStore;
  let clock: ManualClock;
  let catalog: BlueprintCatalog;
  let handler: RecordCommandHandler;

  const command = (partial: CommandDraft): RecordCommand => ({ commandId: newCommandId(clock), actor: rita, ...partial }) as RecordCommand;

  const open = async (fields = { name: 'Globex expansion' }): Promise<string> => {
    const result = await handler.execute(command({ type: 'OpenRecord', kind: 'deal', fields }));
    return result.recordId;
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-workflow-'));
    clock = new ManualClock('2026-03-02T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, [parseBlueprint(dealBlueprint(1, 'budget, decisionMaker, timeline'), 'deal.blueprint.yaml')]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given an open deal without budget and decision maker, when needs analysis is fired, then both are unmet and nothing is stored', async () => {
    const recordId = await open();
    const before = await store.readStream(recordStreamName('deal', recordId));

    const refusal = await failureOf(
      handler.execute(command({ type: 'FireTransition', kind: 'deal', recordId, event: 'analyze_needs', fields: { timeline: '2026-07-01' } })),
    );

    expect(refusal.code).toBe(WorkflowExceptionCode.TRANSITION_REFUSED);
    const unmet = refusal.details['unmet'] as UnmetCriterion[];
    expect(unmet.map((criterion) => [criterion.criterion, criterion.field])).toEqual([
      ['required_field', 'budget'],
      ['required_field', 'decisionMaker'],
    ]);
    expect(unmet.every((criterion) => criterion.event === 'analyze_needs' && criterion.message.length > 0)).toBe(true);
    expect(await store.readStream(recordStreamName('deal', recordId))).toEqual(before);
  });

  it('when fired again with both supplied, then FieldsChanged then Transitioned are stored with full metadata', async () => {
    const recordId = await open();
    const fire = command({
      type: 'FireTransition',
      kind: 'deal',
      recordId,
      event: 'analyze_needs',
      fields: { budget: 80_000, decisionMaker: 'Dana CFO', timeline: '2026-07-01' },
      correlationId: 'corr-7',
      causationId: 'cause-3',
    });

    await handler.execute(fire);

    const history = await store.readStream(recordStreamName('deal', recordId));
    expect(history.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged', 'Transitioned', 'TaskOpened']);
    const [, fieldsChanged, transitioned] = history;
    expect(fieldsChanged.data).toEqual({
      recordId,
      changes: {
        budget: { from: null, to: 80_000 },
        decisionMaker: { from: null, to: 'Dana CFO' },
        timeline: { from: null, to: '2026-07-01' },
      },
    });
    expect(transitioned.data).toEqual({ recordId, event: 'analyze_needs', from: 'qualification', to: 'needs_analysis', reason: null });
    for (const event of history.slice(1)) {
      expect(event.metadata).toEqual({
        actor: 'rita',
        roles: ['rep'],
        commandId: fire.commandId,
        commandHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        correlationId: 'corr-7',
        causationId: 'cause-3',
        blueprint: catalog.latestForKind('deal').ref,
      });
      expect(event.occurredAt).toBe('2026-03-02T09:00:00.000Z');
    }
  });

  it('when a field value has the wrong type, then the command fails naming the field and nothing is stored', async () => {
    const recordId = await open();
    const failure = await failureOf(
      handler.execute(command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { budget: 'lots', timeline: '2026-02-30' } })),
    );
    expect(failure.code).toBe(WorkflowExceptionCode.INVALID_FIELDS);
    expect(failure.message).toContain('budget');
    expect(failure.message).toContain('timeline');
    expect(await store.readStream(recordStreamName('deal', recordId))).toHaveLength(1);
  });

  it('when the same command is sent twice, then its events are stored once and both answers are equal', async () => {
    const recordId = await open();
    const update = command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes: 'met at the fair' } });

    const first = await handler.execute(update);
    clock.advance(60_000);
    const second = await handler.execute(update);
    const fromAnotherProcess = await new RecordCommandHandler(store, catalog, { clock, policy: openAccess }).execute(update);

    expect(second).toEqual(first);
    expect(fromAnotherProcess).toEqual(first);
    expect(first.events).toHaveLength(1);
    expect(await store.readStream(recordStreamName('deal', recordId))).toHaveLength(2);
  });

  it('when an open is retried, then one record is opened', async () => {
    const openCommand = command({ type: 'OpenRecord', kind: 'deal', fields: { name: 'Initech' } });
    const [first, second] = await Promise.all([handler.execute(openCommand), handler.execute(openCommand)]);
    expect(second).toEqual(first);
    expect(await store.readStream(recordStreamName('deal', first.recordId))).toHaveLength(1);
  });

  it('given 64 concurrent commands on one record without expected revision, then all apply once and history is gap-free', async () => {
    const recordId = await open();
    const commands = Array.from({ length: 64 }, (_, index) =>
      command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes: `note ${index}` } }),
    );

    const results = await Promise.all(commands.map((each) => handler.execute(each)));

    const history = await store.readStream(recordStreamName('deal', recordId));
    expect(history).toHaveLength(65);
    expect(history.map((event) => event.revision)).toEqual(Array.from({ length: 65 }, (_, index) => index));
    expect(new Set(results.map((result) => result.revision)).size).toBe(64);
    const commandIds = history.slice(1).map((event) => event.metadata['commandId']);
    expect(new Set(commandIds)).toEqual(new Set(commands.map((each) => each.commandId)));
  });

  it('given 64 concurrent commands from two processes (two handlers, own caches), then all apply once', async () => {
    const recordId = await open();
    const other = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, maxAttempts: 100 });
    const mine = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, maxAttempts: 100 });
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, index) =>
        (index % 2 === 0 ? mine : other).execute(
          command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes: `note ${index}` } }),
        ),
      ),
    );
    expect(new Set(results.map((result) => result.revision)).size).toBe(64);
    expect(await store.readStream(recordStreamName('deal', recordId))).toHaveLength(65);
  });

  it('given a stale expected revision, then the command fails with a conflict naming the current revision', async () => {
    const recordId = await open();
    await handler.execute(command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes: 'first' } }));

    const conflict = await failureOf(
      handler.execute(command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes: 'stale' }, expectedRevision: 0 })),
    );

    expect(conflict.code).toBe(WorkflowExceptionCode.CONCURRENCY_CONFLICT);
    expect(conflict.details).toMatchObject({ expectedRevision: 0, currentRevision: 1 });
    expect(conflict.message).toContain('revision 1');
    expect(await store.readStream(recordStreamName('deal', recordId))).toHaveLength(2);
  });

  it('given two clients racing with the same expected revision, then one wins and the other gets a conflict', async () => {
    const recordId = await open();
    const outcomes = await Promise.allSettled(
      ['a', 'b'].map((notes) => handler.execute(command({ type: 'UpdateFields', kind: 'deal', recordId, fields: { notes }, expectedRevision: 0 }))),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('given a record opened under version 1, when version 2 is published, then it keeps deciding with version 1', async () => {
    const pinned = await open();
    await catalog.publish(parseBlueprint(dealBlueprint(2, 'budget'), 'deal.blueprint.yaml'));
    const underV2 = await open();

    const fire = (recordId: string): Promise<unknown> =>
      handler.execute(command({ type: 'FireTransition', kind: 'deal', recordId, event: 'analyze_needs', fields: { budget: 10_000 } }));

    expect((await failureOf(fire(pinned))).code).toBe(WorkflowExceptionCode.TRANSITION_REFUSED);
    await expect(fire(underV2)).resolves.toMatchObject({ revision: 3 });

    // After a restart with only the version 2 file, the version 1 record still decides with version 1.
    const reopened = await BlueprintCatalog.open(store, [parseBlueprint(dealBlueprint(2, 'budget'), 'deal.blueprint.yaml')]);
    const restarted = new RecordCommandHandler(store, reopened, { clock, policy: openAccess });
    expect(reopened.versions('deal').map((ref) => ref.version)).toEqual([1, 2]);
    const again = await failureOf(
      restarted.execute(command({ type: 'FireTransition', kind: 'deal', recordId: pinned, event: 'analyze_needs', fields: { budget: 1 } })),
    );
    expect(again.details['unmet']).toHaveLength(2);
  });

  it('when a published version number is reused with other content, then publishing is refused', async () => {
    const failure = await failureOf(catalog.publish(parseBlueprint(dealBlueprint(1, 'budget'), 'deal.blueprint.yaml')));
    expect(failure.code).toBe(WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT);
  });

  it.each([
    ['an unknown kind', { type: 'OpenRecord', kind: 'spaceship' }, WorkflowExceptionCode.UNKNOWN_KIND],
    ['a missing record', { type: 'UpdateFields', kind: 'deal', recordId: 'nope', fields: {} }, WorkflowExceptionCode.RECORD_NOT_FOUND],
    ['a record id with a slash', { type: 'Reassign', kind: 'deal', recordId: 'a/b', owner: 'x' }, WorkflowExceptionCode.INVALID_COMMAND],
    ['an unknown field', { type: 'OpenRecord', kind: 'deal', fields: { budjet: 1 } }, WorkflowExceptionCode.INVALID_FIELDS],
  ])('when a command names %s, then it fails with a clear code and stores nothing', async (_name, partial, code) => {
    const head = await store.headPosition();
    const failure = await failureOf(handler.execute(command(partial as unknown as RecordCommand)));
    expect(failure.code).toBe(code);
    expect(await store.headPosition()).toEqual(head);
  });

  it('when a record is reassigned, then OwnerChanged is stored; reassigning to the same owner stores nothing', async () => {
    const recordId = await open();
    const moved = await handler.execute(command({ type: 'Reassign', kind: 'deal', recordId, owner: 'raj' }));
    const again = await handler.execute(command({ type: 'Reassign', kind: 'deal', recordId, owner: 'raj' }));
    expect(moved.events.map((event) => event.data)).toEqual([{ recordId, from: 'rita', to: 'raj' }]);
    expect(again.events).toEqual([]);
    expect((await handler.read('deal', recordId, rita)).owner).toBe('raj');
  });

  describe('imported history', () => {
    const importCommand = (overrides: Partial<Record<string, unknown>> = {}): RecordCommand =>
      command({
        type: 'ImportRecordHistory',
        kind: 'deal',
        recordId: 'legacy-17',
        owner: 'darcel',
        openedAt: '2017-01-03T00:00:00Z',
        fields: { name: 'Cancity / GTX Pro' },
        stages: [{ stage: 'needs_analysis', enteredAt: '2017-02-10T00:00:00Z', fields: { budget: 1_054 } }],
        source: 'pipeline.csv#row 2',
        commandId: 'import:sha256-abc:row-2',
        ...overrides,
      } as CommandDraft);

    it('when a history is imported, then its events keep their business times and are marked as imported; a move whose criteria were unmet is a StageRecorded naming them', async () => {
      await handler.execute(importCommand());

      const history = await store.readStream(recordStreamName('deal', 'legacy-17'));
      expect(history.map((event) => [event.type, event.occurredAt])).toEqual([
        ['RecordOpened', '2017-01-03T00:00:00.000Z'],
        ['FieldsChanged', '2017-02-10T00:00:00.000Z'],
        ['StageRecorded', '2017-02-10T00:00:00.000Z'],
      ]);
      expect(history[2].data).toMatchObject({ from: 'qualification', to: 'needs_analysis' });
      expect(history[2].data['unmet']).toEqual([
        expect.objectContaining({ event: 'analyze_needs', criterion: 'required_field', field: 'decisionMaker' }),
        expect.objectContaining({ event: 'analyze_needs', criterion: 'required_field', field: 'timeline' }),
      ]);
      expect((await handler.read('deal', 'legacy-17', rita)).stage).toBe('needs_analysis');
      expect(history.every((event) => event.metadata['imported'] === true && event.metadata['importSource'] === 'pipeline.csv#row 2')).toBe(
        true,
      );
    });

    it('when the same history is imported again, then nothing new is stored', async () => {
      const first = await handler.execute(importCommand());
      const again = await new RecordCommandHandler(store, catalog, { clock, policy: openAccess }).execute(importCommand());
      expect(again).toEqual(first);
      expect(await store.readStream(recordStreamName('deal', 'legacy-17'))).toHaveLength(3);
    });

    it('when a history names an unknown stage, goes back in time and has a bad field, then every problem is named and nothing is stored', async () => {
      const failure = await failureOf(
        handler.execute(
          importCommand({
            stages: [
              { stage: 'negotiation', enteredAt: '2017-02-10T00:00:00Z' },
              { stage: 'closed_lost', enteredAt: '2016-12-31T00:00:00Z' },
            ],
          }),
        ),
      );
      expect(failure.code).toBe(WorkflowExceptionCode.INVALID_COMMAND);
      expect(failure.details['problems']).toEqual([
        'stages[0].stage: unknown stage "negotiation"',
        'stages[1].enteredAt: 2016-12-31T00:00:00.000Z is before the previous step (2017-02-10T00:00:00.000Z)',
      ]);
      const badField = await failureOf(handler.execute(importCommand({ fields: { budget: 'a lot' } })));
      expect(badField.code).toBe(WorkflowExceptionCode.INVALID_FIELDS);
      expect(await store.readStream(recordStreamName('deal', 'legacy-17'))).toEqual([]);
    });

    it('when a history continues after a final stage, then it is refused', async () => {
      const failure = await failureOf(
        handler.execute(
          importCommand({
            stages: [
              { stage: 'closed_lost', enteredAt: '2017-02-10T00:00:00Z' },
              { stage: 'needs_analysis', enteredAt: '2017-02-11T00:00:00Z' },
            ],
          }),
        ),
      );
      expect(failure.details['problems']).toEqual(['stages[1]: "closed_lost" is final; no stage can follow it']);
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory, type Actor, type UnmetCriterion } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import {
  BlueprintCatalog,
  explainRecord,
  newCommandId,
  openAccess,
  RecordCommandHandler,
  recordStreamName,
  WorkflowException,
  WorkflowExceptionCode,
} from '@crm/workflow';

/**
 * The engine core as a user meets it: the default blueprints from `blueprints/`, a real SQLite file,
 * the one command handler.
 */
const blueprintsDirectory = join(__dirname, '..', '..', 'blueprints');
const rita: Actor = { id: 'rita', roles: ['rep'] };

describe('engine core: an opportunity on the default blueprint and the SQLite store', () => {
  let directory: string;
  let store: EventStore;
  let handler: RecordCommandHandler;
  let clock: ManualClock;
  let catalog: BlueprintCatalog;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-acceptance-'));
    clock = new ManualClock('2026-04-01T08:30:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    catalog = await BlueprintCatalog.open(store, loadBlueprintDirectory(blueprintsDirectory));
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
  });

  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given an open opportunity without budget and decision maker, when needs analysis is fired, then both are listed and nothing is stored; with both supplied it succeeds', async () => {
    const opened = await handler.execute({
      type: 'OpenRecord',
      kind: 'opportunity',
      commandId: newCommandId(clock),
      actor: rita,
      fields: { name: 'Globex platform deal', timeline: '2026-09-30' },
    });
    const stream = recordStreamName('opportunity', opened.recordId);

    const state = await handler.read('opportunity', opened.recordId, rita);
    const blocked = explainRecord(state, catalog.get(state.blueprint), rita).find((step) => step.event === 'analyze_needs');
    expect(blocked).toMatchObject({ allowed: false, to: 'needs_analysis' });

    let refusal: unknown;
    try {
      await handler.execute({
        type: 'FireTransition',
        kind: 'opportunity',
        recordId: opened.recordId,
        event: 'analyze_needs',
        commandId: newCommandId(clock),
        actor: rita,
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkflowException);
    const { code, details } = refusal as WorkflowException;
    expect(code).toBe(WorkflowExceptionCode.TRANSITION_REFUSED);
    expect((details['unmet'] as UnmetCriterion[]).map((unmet) => unmet.field)).toEqual(['budget', 'decisionMaker']);
    expect(await store.readStream(stream)).toHaveLength(1);

    const commandId = newCommandId(clock);
    const advanced = await handler.execute({
      type: 'FireTransition',
      kind: 'opportunity',
      recordId: opened.recordId,
      event: 'analyze_needs',
      fields: { budget: 120_000, decisionMaker: 'Hank Scorpio' },
      commandId,
      actor: rita,
    });

    expect(advanced.events.map((event) => event.type)).toEqual(['FieldsChanged', 'Transitioned']);
    const history = await store.readStream(stream);
    expect(history.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged', 'Transitioned']);
    for (const event of history.slice(1)) {
      expect(event.metadata).toEqual({
        actor: 'rita',
        roles: ['rep'],
        commandId,
        commandHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        correlationId: commandId,
        causationId: commandId,
        blueprint: { id: 'opportunity', version: 4, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
    }
    expect((await handler.read('opportunity', opened.recordId, rita)).stage).toBe('needs_analysis');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { REACTOR_COMMAND_REFUSED, reactorCommandId, reactorStream } from '@crm/reactor-runtime';
import { scoredLeadBlueprint } from '../__fixtures__/scored-lead/scored-lead.blueprint';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler } from '../record/record-command.handler';
import type { RecordCommand } from '../record/record.commands';
import { recordStreamName } from '../record/record-stream';
import { LEAD_SCORING_ACTOR, LEAD_SCORING_REACTOR } from './lead-scoring.reactor';
import { LeadScoringReactors } from './lead-scoring-reactors';

const rita: Actor = { id: 'rita', roles: ['rep'] };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

describe('the lead-scoring reactor: thresholds fire their transitions through the guards', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let records: RecordCommandHandler;
  let reactors: LeadScoringReactors;
  let commands = 0;

  const execute = (command: DistributiveOmit<RecordCommand, 'commandId' | 'actor' | 'kind'>) => {
    commands += 1;
    return records.execute({ ...command, kind: 'lead', commandId: `scoring-${commands}`, actor: rita } as RecordCommand);
  };
  const history = (recordId: string): Promise<StoredEvent[]> => store.readStream(recordStreamName('lead', recordId));
  const stageOf = async (recordId: string): Promise<string> => {
    const state = await records.load('lead', recordId, { fresh: true });
    return state.status === 'none' ? '(none)' : state.stage;
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-lead-scoring-'));
    store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 20 });
    const catalog = await BlueprintCatalog.open(store, [scoredLeadBlueprint().definition]);
    records = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    reactors = new LeadScoringReactors({ store, commands: records, clock, mode: 'manual', reactors: { standbyPollMs: 10 } });
  });

  afterEach(async () => {
    await reactors.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a score that crosses the MQL threshold, when the reactor runs, then mark_mql is fired as the reactor with a command id derived from the ScoreChanged', async () => {
    await execute({ type: 'OpenRecord', recordId: 'lee', fields: { email: 'lee@example.com', industry: 'software' } });
    const recorded = await execute({ type: 'RecordActivity', recordId: 'lee', activity: 'demo_requested' });
    const scoreChanged = (await history('lee')).find((event) => event.id === recorded.events.find((stored) => stored.type === 'ScoreChanged')?.id);
    if (scoreChanged === undefined) throw new Error('expected a ScoreChanged');

    await reactors.runReactors();

    expect(await stageOf('lee')).toBe('mql');
    const moved = (await history('lee')).find((event) => event.type === 'Transitioned');
    expect(moved?.data).toEqual({ recordId: 'lee', event: 'mark_mql', from: 'new', to: 'mql', reason: 'score 45 crossed mql (40)' });
    expect(moved?.metadata).toMatchObject({
      actor: LEAD_SCORING_ACTOR.id,
      commandId: reactorCommandId(LEAD_SCORING_REACTOR, scoreChanged, 0),
      causationId: scoreChanged.id,
      correlationId: 'scoring-2',
      origin: { via: 'reactor' },
    });
  });

  it('given scores that cross the MQL and then the SQL threshold, when the reactor runs, then both transitions are fired, in that order', async () => {
    await execute({ type: 'OpenRecord', recordId: 'lee', fields: { email: 'lee@example.com', company: 'Initech', industry: 'software', employees: 5000 } });
    await execute({ type: 'RecordActivity', recordId: 'lee', activity: 'demo_requested' });
    await execute({ type: 'RecordActivity', recordId: 'lee', activity: 'demo_requested' });

    await reactors.runReactors();

    expect((await history('lee')).filter((event) => event.type === 'Transitioned').map((event) => event.data['event'])).toEqual(['mark_mql', 'mark_sql']);
    expect(await stageOf('lee')).toBe('sql');
  });

  it('given a crossing whose transition the guards refuse, when the reactor runs, then the refusal is recorded in its stream and nothing is stored on the lead', async () => {
    await execute({ type: 'OpenRecord', recordId: 'anon', fields: { industry: 'software' } });
    await execute({ type: 'RecordActivity', recordId: 'anon', activity: 'demo_requested' });
    const before = (await history('anon')).length;

    await reactors.runReactors();

    expect(await stageOf('anon')).toBe('new');
    expect((await history('anon')).length).toBe(before);
    const refusals = (await store.readStream(reactorStream(LEAD_SCORING_REACTOR))).filter((event) => event.type === REACTOR_COMMAND_REFUSED);
    expect(refusals.map((event) => [event.data['code'], event.data['sourceStream']])).toEqual([['TRANSITION_REFUSED', 'lead-anon']]);
    expect(String(refusals[0]?.data['message'])).toContain('Email');
    expect(refusals[0]?.data['intent']).toBe('FireTransition lead-anon mark_mql (score 45 crossed mql at 40)');
  });

  it('given a process that sent mark_mql and died before its checkpoint, when the reactor runs again from the start, then the transition is stored once', async () => {
    await execute({ type: 'OpenRecord', recordId: 'lee', fields: { email: 'lee@example.com', industry: 'software' } });
    const recorded = await execute({ type: 'RecordActivity', recordId: 'lee', activity: 'demo_requested' });
    const scoreChanged = (await history('lee')).find((event) => event.id === recorded.events.find((stored) => stored.type === 'ScoreChanged')?.id);
    if (scoreChanged === undefined) throw new Error('expected a ScoreChanged');
    // What the dead process had sent: the reactor's command, with the id the runtime derives from the event.
    await records.execute({
      type: 'FireTransition',
      kind: 'lead',
      recordId: 'lee',
      event: 'mark_mql',
      reason: 'score 45 crossed mql (40)',
      actor: LEAD_SCORING_ACTOR,
      origin: { via: 'reactor' },
      commandId: reactorCommandId(LEAD_SCORING_REACTOR, scoreChanged, 0),
      causationId: scoreChanged.id,
      correlationId: 'scoring-2',
    });

    await reactors.runReactors();

    expect((await history('lee')).filter((event) => event.type === 'Transitioned')).toHaveLength(1);
    expect(await store.readStream(reactorStream(LEAD_SCORING_REACTOR)).then((events) => events.filter((event) => event.type === REACTOR_COMMAND_REFUSED))).toEqual([]);
  });

  it('given the reactor ran, when it runs again, then nothing is fired twice', async () => {
    await execute({ type: 'OpenRecord', recordId: 'lee', fields: { email: 'lee@example.com', industry: 'software' } });
    await execute({ type: 'RecordActivity', recordId: 'lee', activity: 'demo_requested' });
    await reactors.runReactors();
    const after = (await history('lee')).length;

    await reactors.runReactors();

    expect((await history('lee')).length).toBe(after);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import {
  EventStoreException,
  EventStoreExceptionCode,
  SqliteEventStore,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from '@crm/event-store';
import { openAccess, type RecordCommandResult } from '@crm/workflow';
import { Engine } from '../engine';

const repositoryBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');
const rita: Actor = { id: 'rita', roles: ['rep'] };

/** The store of a process that dies (or loses the store) while converting: appends to `failing…` streams fail. */
class DyingStore implements EventStore {
  failing: string | null = null;

  constructor(private readonly inner: EventStore) {}

  get kind(): string {
    return this.inner.kind;
  }

  append(stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.failing !== null && stream.startsWith(this.failing)) {
      return Promise.reject(new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'the store cannot be reached'));
    }
    return this.inner.append(stream, events, expectedRevision);
  }

  readStream: EventStore['readStream'] = (stream, options) => this.inner.readStream(stream, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribe: EventStore['subscribe'] = (options) => this.inner.subscribe(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

/** Resolves with the first stored event of `type` (from the start of the log). */
const firstEventOf = async (store: EventStore, type: string): Promise<StoredEvent> => {
  const subscription = store.subscribe({ from: 'start' });
  try {
    for await (const event of subscription) if (event.type === type) return event;
  } finally {
    await subscription.close();
  }
  throw new Error(`the subscription ended before a ${type}`);
};

describe('record-conversion reactor', () => {
  let scratch: string;
  const clock = new ManualClock('2026-05-04T10:00:00.000Z');

  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'crm-engine-conversion-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const qualifiedLead = async (engine: Engine): Promise<string> => {
    const execute = (command: Record<string, unknown>): Promise<RecordCommandResult> =>
      engine.commands.execute({ commandId: newCommandId(clock), actor: rita, kind: 'lead', ...command } as Parameters<Engine['commands']['execute']>[0]);
    const opened = await execute({ type: 'OpenRecord', fields: { name: 'Ann Buyer', company: 'ACME Ltd.', email: 'Ann@Acme.example' } });
    await execute({ type: 'FireTransition', recordId: opened.recordId, event: 'contact' });
    await execute({
      type: 'FireTransition',
      recordId: opened.recordId,
      event: 'qualify',
      fields: { budget: 40_000, authority: 'decision_maker', need: 'Replace spreadsheets', timeline: '2026-09-01' },
    });
    return opened.recordId;
  };

  it('given a conversion cut off after its commit point, when an engine on the same data directory runs its reactors, then it finishes: one account, contact and opportunity, linked both ways', async () => {
    const directory = join(scratch, 'data');
    const dying = new DyingStore(await SqliteEventStore.open({ directory, clock }));
    const first = await Engine.open({ dataDirectory: directory, blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess, store: dying });
    const leadId = await qualifiedLead(first);
    dying.failing = 'opportunity-';
    await expect(
      first.commands.execute({ type: 'FireTransition', commandId: newCommandId(clock), actor: rita, kind: 'lead', recordId: leadId, event: 'convert' }),
    ).rejects.toThrow(EventStoreException);
    await first.close();

    const second = await Engine.open({ dataDirectory: directory, blueprintsDirectory: repositoryBlueprints, clock, policy: openAccess });
    try {
      const completed = firstEventOf(second.store, 'ConversionCompleted');
      await second.reactors.start();
      await completed;

      const lead = await second.commands.load('lead', leadId, { fresh: true });
      if (lead.status === 'none') throw new Error('the lead is gone');
      expect(lead.stage).toBe('converted');
      const opportunityId = String(lead.fields['opportunity']);
      const opportunity = await second.commands.load('opportunity', opportunityId, { fresh: true });
      if (opportunity.status === 'none') throw new Error('the opportunity was not opened');
      expect(opportunity.fields).toMatchObject({ name: 'ACME Ltd.', lead: leadId, budget: 40_000, contactEmail: 'Ann@Acme.example' });
      const streams = new Set((await second.store.readAll({ maxCount: 10_000 })).map((event) => event.stream));
      expect([...streams].filter((stream) => /^(account|contact|opportunity)-/.test(stream)).map((stream) => stream.split('-')[0]).sort()).toEqual(['account', 'contact', 'opportunity']);
    } finally {
      await second.close();
    }
  });
});

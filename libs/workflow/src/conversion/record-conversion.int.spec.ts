import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, FieldValues } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import {
  EventStoreDbEventStore,
  EventStoreException,
  EventStoreExceptionCode,
  SqliteEventStore,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from '@crm/event-store';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { RecordCommandHandler, type RecordCommandResult } from '../record/record-command.handler';
import { recordStreamName } from '../record/record-stream';
import type { ExistingRecord } from '../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { convertingBlueprints, dealBlueprint, testMatchKey } from '../__fixtures__/converting-lead/converting-lead.blueprints';
import type { ConversionStarted } from './conversion.events';
import { conversionOf } from './conversion-state';
import type { RecordLookup } from './record-conversion';

const rita: Actor = { id: 'rita', roles: ['rep'] };

/** A store that fails appends to streams starting with `prefix` (as an unreachable server does), while armed. */
class FlakyStore implements EventStore {
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

interface StoreHarness {
  open(clock: ManualClock): Promise<EventStore>;
  dispose(): Promise<void>;
}

const sqliteHarness = async (): Promise<StoreHarness> => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-conversion-'));
  return {
    open: (clock) => SqliteEventStore.open({ directory, clock }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const standInHarness = async (): Promise<StoreHarness> => {
  const standIn = await WireLevelStandIn.start();
  return {
    open: (clock) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock }),
    dispose: () => standIn.stop(),
  };
};

const failureOf = async (promise: Promise<unknown>): Promise<WorkflowException> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowException) return error;
    throw error;
  }
  throw new Error('expected the command to fail');
};

describe.each([
  ['the SQLite store', sqliteHarness],
  ['the EventStoreDB adapter (wire-level stand-in)', standInHarness],
])('conversion as a saga on %s', (_name, harnessOf) => {
  let harness: StoreHarness;
  let clock: ManualClock;
  let store: FlakyStore;
  let catalog: BlueprintCatalog;
  let handler: RecordCommandHandler;
  let handMade: Map<string, string>;

  /** The read model's view of records opened by hand: `kind name-key` → id. */
  const lookup: RecordLookup = {
    matching: async (kind, _field, _rule, key) => {
      const id = handMade.get(`${kind} ${key}`);
      return id === undefined ? [] : [id];
    },
  };

  const execute = (command: Record<string, unknown>): Promise<RecordCommandResult> =>
    handler.execute({ commandId: newCommandId(clock), actor: rita, ...command } as Parameters<RecordCommandHandler['execute']>[0]);

  const qualifiedLead = async (fields: FieldValues): Promise<string> => {
    const opened = await execute({ type: 'OpenRecord', kind: 'lead', fields });
    await execute({ type: 'FireTransition', kind: 'lead', recordId: opened.recordId, event: 'qualify' });
    return opened.recordId;
  };

  const convert = (recordId: string, commandId = newCommandId(clock)): Promise<RecordCommandResult> =>
    execute({ type: 'FireTransition', kind: 'lead', recordId, event: 'convert', commandId });

  const record = async (kind: string, recordId: string): Promise<ExistingRecord> => {
    const state = await handler.load(kind, recordId, { fresh: true });
    if (state.status === 'none') throw new Error(`${kind} ${recordId} does not exist`);
    return state;
  };

  const streams = async (): Promise<string[]> => {
    const events = await store.readAll({ maxCount: 10_000 });
    return [...new Set(events.map((event) => event.stream).filter((stream) => !stream.startsWith('_') && !stream.startsWith('$')))].sort();
  };

  const allEvents = async (): Promise<StoredEvent[]> => store.readAll({ maxCount: 10_000 });

  beforeEach(async () => {
    harness = await harnessOf();
    clock = new ManualClock('2026-05-04T09:00:00.000Z');
    store = new FlakyStore(await harness.open(clock));
    catalog = await BlueprintCatalog.open(store, convertingBlueprints());
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, conversion: { matchKeyOf: testMatchKey, lookup } });
    handMade = new Map();
  });

  afterEach(async () => {
    await store.close();
    await harness.dispose();
  });

  it('given a qualified lead, when converted, then the account, contact and deal are opened with the mapped fields and the lead and deal link each other', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme Ltd.', email: 'ann@acme.example', budget: 25_000 });

    const result = await convert(leadId);

    const lead = await record('lead', leadId);
    expect(lead.stage).toBe('converted');
    expect(result.events.map((event) => event.type)).toEqual(['ConversionStarted', 'FieldsChanged', 'Transitioned', 'ConversionCompleted']);
    const planned = conversionOf(lead)?.records ?? [];
    const idOf = (as: string): string => planned.find((entry) => entry.as === as)?.recordId ?? '';
    const deal = await record('deal', idOf('deal'));
    expect(lead.fields['deal']).toBe(deal.recordId);
    expect(deal.fields).toEqual({ name: 'Acme Ltd.', amount: 25_000, account: idOf('account'), contact: idOf('contact'), lead: leadId });
    expect(deal.owner).toBe('rita');
    expect((await record('account', idOf('account'))).fields).toEqual({ name: 'Acme Ltd.' });
    expect((await record('contact', idOf('contact'))).fields).toEqual({ name: 'Ann Buyer', email: 'ann@acme.example', account: idOf('account') });
    expect(conversionOf(lead)?.status).toBe('completed');
  });

  it('given an account the conversion of another lead opened ("ACME Ltd." then "Acme Limited"), when converted, then it is linked, not opened again', async () => {
    const first = await qualifiedLead({ name: 'Ann Buyer', company: 'ACME Ltd.', email: 'ann@acme.example', budget: 10_000 });
    const second = await qualifiedLead({ name: 'Bob Buyer', company: 'Acme Limited', email: 'bob@acme.example', budget: 20_000 });

    await convert(first);
    await convert(second);

    const accounts = (await streams()).filter((stream) => stream.startsWith('account-'));
    expect(accounts).toHaveLength(1);
    const planned = conversionOf(await record('lead', second))?.records ?? [];
    expect(planned.find((entry) => entry.as === 'account')).toMatchObject({ found: true, recordId: accounts[0]?.slice('account-'.length) });
  });

  it('given an account opened by hand that the lookup finds, when converted, then the deal and contact refer to it and no account is opened', async () => {
    const account = await execute({ type: 'OpenRecord', kind: 'account', recordId: 'acme-by-hand', fields: { name: 'Acme' } });
    handMade.set('account acme', account.recordId);
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'ACME', email: 'ann@acme.example', budget: 5_000 });

    await convert(leadId);

    expect((await streams()).filter((stream) => stream.startsWith('account-'))).toEqual(['account-acme-by-hand']);
    const deal = await record('deal', String((await record('lead', leadId)).fields['deal']));
    expect(deal.fields['account']).toBe('acme-by-hand');
  });

  it('given a deal its own blueprint refuses (below the minimum amount), when converted, then CONVERSION_REFUSED names the deal step and nothing is stored anywhere', async () => {
    await catalog.publish(dealBlueprint(2, 10_000));
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme', email: 'ann@acme.example', budget: 500 });
    const before = await allEvents();

    const failure = await failureOf(convert(leadId));

    expect(failure.code).toBe(WorkflowExceptionCode.CONVERSION_REFUSED);
    expect(failure.details['problems']).toEqual([expect.objectContaining({ step: 'deal', kind: 'deal', code: 'INVALID_FIELDS' })]);
    expect(failure.message).toMatch(/^Convert to a customer is not possible for lead "[^"]+": the deal it opens: .*amount/);
    expect(await allEvents()).toEqual(before);
    expect((await record('lead', leadId)).stage).toBe('qualified');
  });

  it('given a lead whose own transition is refused (no company), when converted, then TRANSITION_REFUSED names what blocks it and nothing is stored', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', email: 'ann@acme.example', budget: 500 });
    const before = await allEvents();

    const failure = await failureOf(convert(leadId));

    expect(failure.code).toBe(WorkflowExceptionCode.TRANSITION_REFUSED);
    expect(failure.message).toContain('Company is required');
    expect(await allEvents()).toEqual(before);
  });

  it('given a converted lead, when the same command comes again, then the answer is the same and nothing more is stored', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme', email: 'ann@acme.example', budget: 500 });
    const commandId = newCommandId(clock);
    const first = await convert(leadId, commandId);
    const stored = (await allEvents()).length;

    const again = await convert(leadId, commandId);

    expect(again).toEqual(first);
    expect((await allEvents()).length).toBe(stored);
  });

  it('given the store lost after the commit point, when the conversion is resumed, then it finishes with the same ids: one account, contact and deal, the lead converted', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme', email: 'ann@acme.example', budget: 500 });
    store.failing = 'deal-';

    await expect(convert(leadId)).rejects.toThrow(EventStoreException);
    const pending = await record('lead', leadId);
    expect(conversionOf(pending)?.status).toBe('pending');
    // While it is under way the lead is the conversion's.
    expect((await failureOf(execute({ type: 'UpdateFields', kind: 'lead', recordId: leadId, fields: { budget: 1 } }))).code).toBe(WorkflowExceptionCode.CONVERSION_IN_PROGRESS);
    expect((await failureOf(convert(leadId))).code).toBe(WorkflowExceptionCode.CONVERSION_IN_PROGRESS);

    store.failing = null;
    const started = (await store.readStream(recordStreamName('lead', leadId))).find((event) => event.type === 'ConversionStarted');
    await handler.resumeConversion('lead', started?.data as unknown as ConversionStarted['data'], { correlationId: 'resume' });
    await handler.resumeConversion('lead', started?.data as unknown as ConversionStarted['data'], { correlationId: 'resume' });

    expect((await record('lead', leadId)).stage).toBe('converted');
    const kinds = (await streams()).map((stream) => stream.split('-')[0]);
    expect(kinds.filter((kind) => kind !== 'lead').sort()).toEqual(['account', 'contact', 'deal']);
  });

  it('given a step refused after the commit point (the deal blueprint raised its minimum meanwhile), when resumed, then ConversionFailed keeps the lead unconverted with the reason and names what was opened', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme', email: 'ann@acme.example', budget: 500 });
    store.failing = 'deal-';
    await expect(convert(leadId)).rejects.toThrow(EventStoreException);
    store.failing = null;
    await catalog.publish(dealBlueprint(2, 10_000));
    const started = (await store.readStream(recordStreamName('lead', leadId))).find((event) => event.type === 'ConversionStarted');

    const failure = await failureOf(handler.resumeConversion('lead', started?.data as unknown as ConversionStarted['data'], { correlationId: 'resume' }));

    expect(failure.code).toBe(WorkflowExceptionCode.CONVERSION_FAILED);
    expect(failure.details).toMatchObject({ step: 'deal', code: 'INVALID_FIELDS' });
    const lead = await record('lead', leadId);
    expect(lead.stage).toBe('qualified');
    expect(conversionOf(lead)).toMatchObject({ status: 'failed', step: 'deal' });
    const failed = (await store.readStream(recordStreamName('lead', leadId))).find((event) => event.type === 'ConversionFailed');
    expect(failed?.data['opened']).toEqual([expect.objectContaining({ as: 'account' }), expect.objectContaining({ as: 'contact' })]);
    expect((await streams()).some((stream) => stream.startsWith('deal-'))).toBe(false);
    // The lead is the user's again.
    await execute({ type: 'UpdateFields', kind: 'lead', recordId: leadId, fields: { budget: 20_000 } });
    await convert(leadId);
    expect((await record('lead', leadId)).stage).toBe('converted');
  });

  it('given the converting transition fired with a conversion id that is not the lead\'s, then CONVERSION_REQUIRED and nothing is stored', async () => {
    const leadId = await qualifiedLead({ name: 'Ann Buyer', company: 'Acme', email: 'ann@acme.example', budget: 500 });
    const before = await allEvents();

    const failure = await failureOf(execute({ type: 'FireTransition', kind: 'lead', recordId: leadId, event: 'convert', conversionId: 'forged', fields: { deal: 'x' } }));

    expect(failure.code).toBe(WorkflowExceptionCode.CONVERSION_REQUIRED);
    expect(await allEvents()).toEqual(before);
  });

  it('given two leads of one new company converted at once, then one account is opened and both deals refer to it', async () => {
    const first = await qualifiedLead({ name: 'Ann Buyer', company: 'Initech', email: 'ann@initech.example', budget: 500 });
    const second = await qualifiedLead({ name: 'Bob Buyer', company: 'INITECH', email: 'bob@initech.example', budget: 700 });

    await Promise.all([convert(first), convert(second)]);

    const accounts = (await streams()).filter((stream) => stream.startsWith('account-'));
    expect(accounts).toHaveLength(1);
    for (const leadId of [first, second]) {
      const deal = await record('deal', String((await record('lead', leadId)).fields['deal']));
      expect(`account-${String(deal.fields['account'])}`).toBe(accounts[0]);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBlueprint, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { newCommandId } from '@crm/command-handler';
import { SqliteEventStore, type EventStore } from '@crm/event-store';
import { openAccess } from '../access/record-access';
import { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import type { RecordCommandBase } from '../record/record-command';
import { recordAfter, RecordCommandHandler } from '../record/record-command.handler';
import { recordStreamName } from '../record/record-stream';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { LeadCapture } from './lead-dedup.commands';
import { leadDedupOf } from './lead-dedup.part';

const rita: Actor = { id: 'rita', roles: ['rep'] };
const intake: Actor = { id: 'system:intake:website', roles: [] };

const leadBlueprint = `
id: lead
version: 1
kind: lead
title: Lead
initialStage: new
fields:
  name: { type: string }
  company: { type: string }
  email: { type: email }
  phone: { type: phone }
  notes: { type: text }
stages:
  new:
    title: New
    order: 1
    probability: 0
    forecastCategory: omitted
    timers:
      - { id: remind_uncontacted, after: PT1H, then: remind, message: Not contacted yet }
  contacted: { title: Contacted, order: 2, probability: 0, forecastCategory: omitted }
  converted: { title: Converted, order: 3, probability: 0, forecastCategory: omitted, outcome: won }
transitions:
  - event: contact
    from: new
    to: contacted
  - event: convert
    from: contacted
    to: converted
`;

const capture: LeadCapture = { source: 'website', externalId: 'form-1', campaign: 'spring-launch', utm: { utm_source: 'newsletter', utm_medium: 'email' } };

const failureOf = async (promise: Promise<unknown>): Promise<WorkflowException> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowException) return error;
    throw error;
  }
  throw new Error('expected the command to fail');
};

describe('lead dedup slice (intake, merge, split) on the SQLite store', () => {
  let directory: string;
  let store: EventStore;
  let clock: ManualClock;
  let handler: RecordCommandHandler;

  const run = (command: Omit<RecordCommandBase, 'commandId' | 'actor' | 'kind'> & Record<string, unknown> & { commandId?: string; actor?: Actor }) =>
    handler.execute({ commandId: newCommandId(clock), actor: rita, kind: 'lead', ...command } as RecordCommandBase);

  const typesOf = async (recordId: string): Promise<string[]> => (await store.readStream(recordStreamName('lead', recordId))).map((event) => event.type);

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-lead-dedup-'));
    clock = new ManualClock('2026-03-02T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [parseBlueprint(leadBlueprint, 'lead.blueprint.yaml')]);
    handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given no such lead, when an intake captures it, then it opens unowned with its source, campaign and UTM tags', async () => {
    const result = await run({ type: 'CaptureLead', recordId: 'l-1', actor: intake, fields: { name: 'Ann Lee', email: 'ann@acme.example' }, capture });

    expect(await typesOf('l-1')).toEqual(['RecordOpened', 'TimerScheduled', 'LeadCaptured']);
    const record = recordAfter(result);
    expect(record.owner).toBeNull();
    expect(record.fields).toEqual({ name: 'Ann Lee', email: 'ann@acme.example' });
    expect(leadDedupOf(record).captures).toEqual([{ ...capture, at: '2026-03-02T09:00:00.000Z' }]);
  });

  it('given a kept lead without a phone, when another intake comes in as it, then LeadMerged names the rule and payload and only the gaps are filled', async () => {
    await run({ type: 'OpenRecord', recordId: 'l-1', fields: { name: 'Ann Lee', email: 'ann@acme.example' } });
    const incoming = { name: 'A. Lee', email: 'ann@acme.example', phone: '+14155552671' };

    const result = await run({ type: 'CaptureLead', recordId: 'l-1', actor: intake, fields: incoming, capture, found: { match: { rule: 'same-email', score: 1 } } });

    expect(await typesOf('l-1')).toEqual(['RecordOpened', 'TimerScheduled', 'LeadMerged', 'FieldsChanged']);
    const [merged, changed] = result.events;
    expect(merged.data).toEqual({
      recordId: 'l-1',
      mergeId: expect.any(String),
      rule: 'same-email',
      score: 1,
      mergedLead: null,
      capture,
      payload: incoming,
      filled: { phone: '+14155552671' },
      by: 'system:intake:website',
      reason: null,
    });
    expect(changed.data).toEqual({ recordId: 'l-1', changes: { phone: { from: null, to: '+14155552671' } } });
    expect(recordAfter(result).fields).toEqual({ name: 'Ann Lee', email: 'ann@acme.example', phone: '+14155552671' });
  });

  it('given a captured lead, when the same intake is retried with what a later look-up found, then the first answer comes back and nothing is stored', async () => {
    const commandId = newCommandId(clock);
    const first = await run({ type: 'CaptureLead', commandId, recordId: 'l-1', actor: intake, fields: { name: 'Ann Lee' }, capture });
    const again = await run({ type: 'CaptureLead', commandId, recordId: 'l-1', actor: intake, fields: { name: 'Ann Lee' }, capture, found: { match: { rule: 'same-email', score: 1 } } });

    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(await typesOf('l-1')).toEqual(['RecordOpened', 'TimerScheduled', 'LeadCaptured']);
  });

  it('given a near match, when the new lead is captured, then a review task naming the other lead stays open', async () => {
    const result = await run({
      type: 'CaptureLead',
      recordId: 'l-2',
      actor: intake,
      fields: { name: 'Anna Lee', company: 'Acme' },
      capture,
      found: { review: { rule: 'same-company-and-person', score: 0.875, recordId: 'l-1' } },
    });

    const [task] = recordAfter(result).tasks;
    expect(task).toMatchObject({ template: 'review_duplicate', status: 'open', keepOpen: true, assignee: null });
    expect(task.title).toContain('lead l-1');
  });

  it('given bad field values, when captured, then it is refused naming the field and nothing is stored', async () => {
    const refusal = await failureOf(run({ type: 'CaptureLead', recordId: 'l-1', actor: intake, fields: { email: 'not-an-address' }, capture }));

    expect(refusal.code).toBe(WorkflowExceptionCode.INVALID_FIELDS);
    expect(refusal.message).toContain('email');
    expect(await typesOf('l-1')).toEqual([]);
  });

  describe('a manual merge and its split', () => {
    beforeEach(async () => {
      await run({ type: 'OpenRecord', recordId: 'keep', fields: { name: 'Ann Lee', email: 'ann@acme.example' } });
      await run({ type: 'OpenRecord', recordId: 'away', fields: { name: 'Ann Lee', phone: '+14155552671', notes: 'met at the expo' } });
      await run({ type: 'MarkLeadMerged', recordId: 'away', into: 'keep', mergeId: 'm-1', reason: 'same person' });
      await run({ type: 'MergeLead', recordId: 'keep', mergedLead: 'away', mergeId: 'm-1', payload: { name: 'Ann Lee', phone: '+14155552671', notes: 'met at the expo' } });
    });

    it('when merged, then the merged lead is closed as merged with its clocks stopped, and the survivor took its missing fields', async () => {
      const away = await handler.load('lead', 'away');
      const keep = await handler.load('lead', 'keep');

      expect(away.status).toBe('closed');
      expect(away.status !== 'none' && leadDedupOf(away).mergedInto).toEqual({ recordId: 'keep', mergeId: 'm-1' });
      expect(away.status !== 'none' && away.timers).toEqual([]);
      expect(await typesOf('away')).toEqual(['RecordOpened', 'TimerScheduled', 'LeadMergedAway', 'TimerCancelled']);
      expect(keep.status !== 'none' && keep.fields).toEqual({ name: 'Ann Lee', email: 'ann@acme.example', phone: '+14155552671', notes: 'met at the expo' });
    });

    it('when someone changes or moves the merged lead, then it is refused naming the lead it went into', async () => {
      const change = await failureOf(run({ type: 'UpdateFields', recordId: 'away', fields: { notes: 'x' } }));
      const move = await failureOf(run({ type: 'FireTransition', recordId: 'away', event: 'contact' }));
      const intoIt = await failureOf(run({ type: 'CaptureLead', recordId: 'away', actor: intake, fields: { name: 'Ann Lee' }, capture }));

      for (const refusal of [change, move, intoIt]) {
        expect(refusal.code).toBe(WorkflowExceptionCode.LEAD_MERGED);
        expect(refusal.details).toEqual({ recordId: 'away', into: 'keep' });
      }
    });

    it('when split, then the merged lead is open again with its clocks, and the survivor gives back what the merge filled and nobody changed', async () => {
      await run({ type: 'UpdateFields', recordId: 'keep', fields: { notes: 'called her' } });

      await run({ type: 'SplitLead', recordId: 'keep', mergedLead: 'away' });
      await run({ type: 'RestoreMergedLead', recordId: 'away', from: 'keep' });

      const away = await handler.load('lead', 'away');
      const keep = await handler.load('lead', 'keep');
      expect(away.status).toBe('open');
      expect(away.status !== 'none' && away.timers.map((timer) => timer.timer)).toEqual(['remind_uncontacted']);
      expect(keep.status !== 'none' && keep.fields).toEqual({ name: 'Ann Lee', email: 'ann@acme.example', notes: 'called her' });
      await run({ type: 'UpdateFields', recordId: 'away', fields: { notes: 'a lead again' } });
    });

    it('given a split, when split again, then nothing more is stored', async () => {
      await run({ type: 'SplitLead', recordId: 'keep', mergedLead: 'away' });
      const before = await typesOf('keep');

      const again = await run({ type: 'SplitLead', recordId: 'keep', mergedLead: 'away' });

      expect(again.events).toEqual([]);
      expect(await typesOf('keep')).toEqual(before);
    });

    it('given a lead never merged into it, when split, then MERGE_NOT_FOUND', async () => {
      const refusal = await failureOf(run({ type: 'SplitLead', recordId: 'keep', mergedLead: 'someone-else' }));

      expect(refusal.code).toBe(WorkflowExceptionCode.MERGE_NOT_FOUND);
    });
  });

  it('given a duplicate opened by hand on purpose, when opened, then the reason and the rules are recorded with it', async () => {
    const result = await run({ type: 'OpenDuplicateLead', recordId: 'twin', fields: { name: 'Ann Lee' }, duplicate: { reason: 'her second company', rules: ['same-email'] } });

    expect(await typesOf('twin')).toEqual(['RecordOpened', 'TimerScheduled', 'DuplicateLeadAllowed']);
    expect(result.events[2].data).toEqual({ recordId: 'twin', reason: 'her second company', rules: ['same-email'], by: 'rita' });
    expect(recordAfter(result).owner).toBe('rita');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintDirectory, type Actor } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { deriveId, newCommandId } from '@crm/command-handler';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@crm/event-store';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { loadMatchRules } from '@crm/leads';
import { BlueprintCatalog, openAccess, recordStreamName, RecordCommandHandler, recordStreamPrefix, type LeadCapture, type RecordAccessPolicy } from '@crm/workflow';
import { IntakeException, IntakeExceptionCode } from '../intake.exception';
import { LeadDedup, type CommandSender } from './lead-dedup';

const repositoryRoot = join(__dirname, '..', '..', '..', '..');
const blueprints = loadBlueprintDirectory(join(repositoryRoot, 'blueprints'));
const rules = loadMatchRules(join(repositoryRoot, 'blueprints', 'lead-matching.yaml'));

const website: Actor = { id: 'system:intake:website', roles: [] };
const rita: Actor = { id: 'rita', roles: ['rep'] };
const raj: Actor = { id: 'raj', roles: ['rep'] };

/** Reps read their own leads and the pool, as in the role rules. */
const ownLeadsOnly: RecordAccessPolicy = {
  judge: (actor, action, record) => (actor.id.startsWith('system:') || record.owner === null || record.owner === actor.id ? null : { rule: 'rep.own-records', message: `${action}: not yours` }),
};

interface StoreHarness {
  connect(clock: ManualClock): Promise<EventStore>;
  dispose(): Promise<void>;
}

const sqliteHarness = async (): Promise<StoreHarness> => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-lead-dedup-'));
  return {
    connect: (clock) => SqliteEventStore.open({ directory, clock, livePollIntervalMs: 20 }),
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const standInHarness = async (): Promise<StoreHarness> => {
  const standIn = await WireLevelStandIn.start();
  return {
    connect: (clock) => EventStoreDbEventStore.connect({ connectionString: standIn.connectionString, clock }),
    dispose: () => standIn.stop(),
  };
};

const formCapture = (externalId: string): LeadCapture => ({ source: 'website', externalId, campaign: null, utm: {} });

describe.each([
  ['SQLite', sqliteHarness],
  ['the EventStoreDB adapter (wire-level stand-in)', standInHarness],
])('lead dedup on %s', (_store, createHarness) => {
  let harness: StoreHarness;
  let clock: ManualClock;
  const stores: EventStore[] = [];
  const dedups: LeadDedup[] = [];

  /** One "process": its own connection, command handler (its own caches) and match index. */
  const process = async (policy: RecordAccessPolicy = openAccess): Promise<LeadDedup> => {
    const store = await harness.connect(clock);
    stores.push(store);
    const catalog = await BlueprintCatalog.open(store, blueprints);
    const commands = new RecordCommandHandler(store, catalog, { clock, policy });
    const dedup = new LeadDedup({ store, clock, commands, rules });
    await dedup.start();
    dedups.push(dedup);
    return dedup;
  };

  const intakeOf = (externalId: string): CommandSender => ({ commandId: deriveId(`intake:website:${externalId}`, 'intake'), actor: website });

  const leadsIn = async (store: EventStore): Promise<string[]> => {
    const opened = (await store.readAll({ filter: { streamPrefixes: [recordStreamPrefix('lead')] }, maxCount: 10_000 })).filter((event) => event.type === 'RecordOpened');
    return opened.map((event) => String(event.data['recordId']));
  };

  beforeEach(async () => {
    harness = await createHarness();
    clock = new ManualClock('2026-03-02T09:00:00.000Z');
  });

  afterEach(async () => {
    for (const dedup of dedups.splice(0)) await dedup.stop();
    for (const store of stores.splice(0)) await store.close();
    await harness.dispose();
  });

  it('given a lead, when the same email comes in another case with spaces, then it merges into that lead by the email rule', async () => {
    const dedup = await process();
    const first = await dedup.capture({ name: 'Ann Lee', email: 'ann@acme.example' }, formCapture('f-1'), intakeOf('f-1'));

    const second = await dedup.capture({ name: 'Ann', email: '  ANN@Acme.Example ' }, formCapture('f-2'), intakeOf('f-2'));

    expect(first.status).toBe('created');
    expect(second).toMatchObject({ status: 'merged', recordId: first.recordId, rule: 'same-email' });
    expect(await leadsIn(stores[0])).toEqual([first.recordId]);
  });

  it('given a lead, when the same phone comes in another format, then it merges by the phone rule and fills the email it lacked', async () => {
    const dedup = await process();
    const first = await dedup.capture({ name: 'Bo Chen', phone: '+1 (415) 555-2671' }, formCapture('f-1'), intakeOf('f-1'));

    const second = await dedup.capture({ name: 'Bo Chen', phone: '415.555.2671', email: 'bo@globex.example' }, formCapture('f-2'), intakeOf('f-2'));

    expect(second).toMatchObject({ status: 'merged', recordId: first.recordId, rule: 'same-phone' });
    const lead = await dedups[0].rules && (await stores[0].readStream(recordStreamName('lead', first.recordId)));
    expect(lead.map((event) => event.type)).toContain('LeadMerged');
    expect(lead.find((event) => event.type === 'FieldsChanged')?.data['changes']).toEqual({ email: { from: null, to: 'bo@globex.example' } });
  });

  it('given "ACME Ltd." with a person, when "Acme Limited" comes with the same person, then it merges by company and person', async () => {
    const dedup = await process();
    const first = await dedup.capture({ name: 'Ann Lee', company: 'ACME Ltd.' }, formCapture('f-1'), intakeOf('f-1'));

    const second = await dedup.capture({ name: 'ann lee', company: 'Acme Limited' }, formCapture('f-2'), intakeOf('f-2'));

    expect(second).toMatchObject({ status: 'merged', recordId: first.recordId, rule: 'same-company-and-person', score: 1 });
  });

  it('given "Acme" with Ann Lee, when Anna Lee of Acme comes in, then a new lead is opened with a task to review the near match', async () => {
    const dedup = await process();
    const first = await dedup.capture({ name: 'Ann Lee', company: 'ACME Ltd.' }, formCapture('f-1'), intakeOf('f-1'));

    const second = await dedup.capture({ name: 'Anna Lee', company: 'Acme Inc' }, formCapture('f-2'), intakeOf('f-2'));

    expect(second).toMatchObject({ status: 'created', review: { recordId: first.recordId, rule: 'same-company-and-person', score: 0.875 } });
    expect(second.result.events.map((event) => event.type)).toContain('TaskOpened');
  });

  it('given a webhook stored once, when it is retried (also with a different look-up result), then nothing more is stored and the answer is the same', async () => {
    const dedup = await process();
    const first = await dedup.capture({ name: 'Ann Lee', email: 'ann@acme.example' }, formCapture('f-1'), intakeOf('f-1'));
    const noKeys = await dedup.capture({ name: 'Cy Twombly', company: 'Gallery' }, formCapture('f-9'), intakeOf('f-9'));
    const head = await stores[0].headPosition();

    const again = await dedup.capture({ name: 'Ann Lee', email: 'ann@acme.example' }, formCapture('f-1'), intakeOf('f-1'));
    const noKeysAgain = await dedup.capture({ name: 'Cy Twombly', company: 'Gallery' }, formCapture('f-9'), intakeOf('f-9'));

    expect(again).toMatchObject({ status: 'created', recordId: first.recordId });
    expect(again.result.events.map((event) => event.id)).toEqual(first.result.events.map((event) => event.id));
    expect(noKeysAgain.recordId).toBe(noKeys.recordId);
    expect(await stores[0].headPosition()).toEqual(head);
  });

  it('given two processes, when both take in the same email at the same moment, then there is one lead and the other intake merged into it', async () => {
    const one = await process();
    const two = await process();

    const [a, b] = await Promise.all([
      one.capture({ name: 'Ann Lee', email: 'ann@acme.example' }, formCapture('f-1'), intakeOf('f-1')),
      two.capture({ name: 'Ann L.', email: 'Ann@ACME.example', phone: '+14155552671' }, formCapture('f-2'), intakeOf('f-2')),
    ]);

    expect(a.recordId).toBe(b.recordId);
    expect([a.status, b.status].sort()).toEqual(['created', 'merged']);
    expect(await leadsIn(stores[0])).toEqual([a.recordId]);
    // Whichever won the email, the phone the loser brought is held by the one lead, not by a lead never opened.
    const third = await one.capture({ name: 'Ann', phone: '(415) 555-2671' }, formCapture('f-3'), intakeOf('f-3'));
    expect(third).toMatchObject({ status: 'merged', recordId: a.recordId, rule: 'same-phone' });
  });

  it('given many intakes of one person at once, each with the same email and its own phone, when they race, then one lead holds the email and every phone', async () => {
    const [one, two] = [await process(), await process()];
    const phones = ['+14155550101', '+14155550102', '+14155550103', '+14155550104', '+14155550105', '+14155550106'];

    const outcomes = await Promise.all(
      phones.map((phone, index) => (index % 2 === 0 ? one : two).capture({ name: 'Bo Park', email: 'bo@park.example', phone }, formCapture(`race-${index}`), intakeOf(`race-${index}`))),
    );

    const lead = outcomes[0]?.recordId;
    expect(new Set(outcomes.map((outcome) => outcome.recordId))).toEqual(new Set([lead]));
    expect(await leadsIn(stores[0])).toEqual([lead]);
    for (const phone of phones) expect(await one.match({ phone })).toMatchObject({ kind: 'match', rule: 'same-phone', recordId: lead });
  });

  it('given a lead, when a rep opens the same email by hand, then DUPLICATE_LEAD names it only if the rep may read it', async () => {
    const dedup = await process(ownLeadsOnly);
    await dedup.open({ recordId: 'ritas', fields: { name: 'Ann Lee', email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita });

    const toRita = await dedup.open({ fields: { name: 'Ann', email: 'ANN@acme.example ' } }, { commandId: newCommandId(clock), actor: rita }).catch((error: unknown) => error);
    const toRaj = await dedup.open({ fields: { name: 'Ann', email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: raj }).catch((error: unknown) => error);

    expect(toRita).toBeInstanceOf(IntakeException);
    expect(toRita).toMatchObject({ code: IntakeExceptionCode.DUPLICATE_LEAD, details: { rule: 'same-email', existing: 'ritas' } });
    expect(toRaj).toMatchObject({ code: IntakeExceptionCode.DUPLICATE_LEAD, details: { rule: 'same-email' } });
    expect((toRaj as IntakeException).details).not.toHaveProperty('existing');
    expect(await leadsIn(stores[0])).toEqual(['ritas']);
  });

  it('given a duplicate, when it is opened by hand with allowDuplicate and a reason, then it is opened and the reason recorded', async () => {
    const dedup = await process();
    await dedup.open({ recordId: 'first', fields: { email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita });

    const twin = await dedup.open({ recordId: 'twin', fields: { email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita }, { reason: 'her second company' });

    expect(twin.events.map((event) => event.type)).toContain('DuplicateLeadAllowed');
    expect(twin.events.find((event) => event.type === 'DuplicateLeadAllowed')?.data).toMatchObject({ reason: 'her second company', rules: ['same-email'] });
  });

  it('given bad field values, when opened by hand or taken in, then both are refused naming the field and nothing is stored (no key claimed)', async () => {
    const dedup = await process();
    const head = await stores[0].headPosition();

    const refusedOpen = await dedup.open({ fields: { email: 'ann@acme.example', source: 'carrier-pigeon' } }, { commandId: newCommandId(clock), actor: rita }).catch((error: unknown) => error);
    const refusedIntake = await dedup.capture({ email: 'ann@acme.example', source: 'carrier-pigeon' }, formCapture('f-1'), intakeOf('f-1')).catch((error: unknown) => error);
    const stored = await stores[0].headPosition();
    const opened = await dedup.open({ recordId: 'ok', fields: { email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita });

    expect(refusedOpen).toMatchObject({ code: 'INVALID_FIELDS', details: { problems: [expect.objectContaining({ field: 'source' })] } });
    expect(refusedIntake).toMatchObject({ code: 'INVALID_FIELDS', details: { problems: [expect.objectContaining({ field: 'source' })] } });
    expect(stored).toEqual(head);
    expect(opened.recordId).toBe('ok');
  });

  it('given an open the access policy refuses, when the same email is opened again by someone allowed, then the key was given back', async () => {
    const noOpening: RecordAccessPolicy = { judge: (actor, action) => (actor.id === 'raj' && action === 'open' ? { rule: 'no-opening', message: 'raj opens nothing' } : null) };
    const dedup = await process(noOpening);
    const refused = await dedup.open({ fields: { email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: raj }).catch((error: unknown) => error);

    const opened = await dedup.open({ recordId: 'ok', fields: { email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita });

    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(opened.recordId).toBe('ok');
  });

  it('given two leads merged by hand, when an intake of the merged lead\'s email comes, then it goes to the survivor; after the split, to the lead again', async () => {
    const dedup = await process();
    await dedup.open({ recordId: 'keep', fields: { name: 'Ann Lee', email: 'ann@acme.example' } }, { commandId: newCommandId(clock), actor: rita });
    await dedup.open({ recordId: 'away', fields: { name: 'Ann Lee', email: 'ann.lee@home.example' } }, { commandId: newCommandId(clock), actor: rita, }, { reason: 'not sure yet' });
    await dedup.merge('keep', 'away', { commandId: newCommandId(clock), actor: rita }, 'same person');

    const merged = await dedup.capture({ email: 'ann.lee@home.example' }, formCapture('f-1'), intakeOf('f-1'));
    await dedup.split('keep', 'away', { commandId: newCommandId(clock), actor: rita });
    const split = await dedup.capture({ email: 'ann.lee@home.example' }, formCapture('f-2'), intakeOf('f-2'));

    expect(merged).toMatchObject({ status: 'merged', recordId: 'keep' });
    expect(split).toMatchObject({ status: 'merged', recordId: 'away' });
  });

  it('given a lead merged into itself, when asked, then INVALID_MERGE', async () => {
    const dedup = await process();
    await expect(dedup.merge('a', 'a', { commandId: newCommandId(clock), actor: rita })).rejects.toMatchObject({ code: IntakeExceptionCode.INVALID_MERGE });
  });
});

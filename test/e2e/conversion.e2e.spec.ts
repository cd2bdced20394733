import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, repositoryRoot, type DemoUser } from './api-harness';

interface ConvertedRecord {
  readonly as: string;
  readonly kind: string;
  readonly recordId: string;
  readonly found: boolean;
}
interface RecordBody {
  readonly id: string;
  readonly stage: string;
  readonly fields: Record<string, unknown>;
  readonly conversion: { readonly status: string; readonly records: readonly ConvertedRecord[] } | null;
}
interface WriteBody {
  readonly record: RecordBody;
  readonly events: readonly { readonly type: string }[];
}
interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

const bant = { budget: 40_000, authority: 'decision_maker', need: 'Replace spreadsheets', timeline: '2026-09-01' };

/**
 * Converting a lead (README, "Conversion"): the shipped lead's `convert` opens the opportunity with its
 * account and contact, or links those that exist, all or nothing from the rep's view.
 */
describe('lead conversion (over HTTP)', () => {
  let harness: ApiHarness;
  let blueprints: string;

  beforeAll(async () => {
    // The shipped blueprints, with a deal minimum the opportunity's own rules enforce (for the refusal).
    blueprints = mkdtempSync(join(tmpdir(), 'crm-conversion-blueprints-'));
    cpSync(join(repositoryRoot, 'blueprints'), blueprints, { recursive: true });
    const opportunity = join(blueprints, 'opportunity.blueprint.yaml');
    writeFileSync(opportunity, readFileSync(opportunity, 'utf8').replace('  budget:           { type: money }', '  budget:           { type: number, min: 1000 }'));
    harness = await ApiHarness.start({ blueprintsDirectory: blueprints });
  });
  afterAll(async () => {
    await harness.stop();
    rmSync(blueprints, { recursive: true, force: true });
  });

  const head = async (): Promise<string | null> => (await harness.request<{ store: { headPosition: string | null } }>('ada', 'GET', '/health')).body.store.headPosition;

  const qualifiedLead = async (as: DemoUser, fields: Record<string, unknown>, qualification: Record<string, unknown> = bant): Promise<string> => {
    const opened = await harness.request<WriteBody>(as, 'POST', '/records/lead', { fields });
    expect(opened.status).toBe(201);
    const id = opened.body.record.id;
    expect((await harness.request(as, 'POST', `/records/lead/${id}/transitions`, { event: 'contact' })).status).toBe(200);
    expect((await harness.request(as, 'POST', `/records/lead/${id}/transitions`, { event: 'qualify', fields: qualification })).status).toBe(200);
    return id;
  };

  const convert = (as: DemoUser, leadId: string, headers: Record<string, string> = {}) =>
    harness.request<WriteBody & ErrorBody>(as, 'POST', `/records/lead/${leadId}/transitions`, { event: 'convert' }, headers);

  const get = async (kind: string, id: string, as: DemoUser = 'rita'): Promise<RecordBody> => {
    const answer = await harness.request<RecordBody>(as, 'GET', `/records/${kind}/${id}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  const stepOf = (record: RecordBody, as: string): ConvertedRecord => {
    const step = record.conversion?.records.find((candidate) => candidate.as === as);
    if (step === undefined) throw new Error(`the conversion has no ${as} step: ${JSON.stringify(record.conversion)}`);
    return step;
  };

  it('given a qualified lead, when converted, then the opportunity is opened with the mapped fields, with its account and contact, and lead and opportunity link each other', async () => {
    const leadId = await qualifiedLead('rita', { name: 'Ann Buyer', company: 'ACME Ltd.', email: 'Ann@Acme.example', phone: '+1 415 555 2671', source: 'web' });

    const converted = await convert('rita', leadId);

    expect(converted.status).toBe(200);
    expect(converted.body.record.stage).toBe('converted');
    expect(converted.body.record.conversion?.status).toBe('completed');
    expect(converted.body.events.map((event) => event.type)).toEqual(expect.arrayContaining(['Transitioned', 'ConversionCompleted']));
    const opportunityId = String(converted.body.record.fields['opportunity']);
    expect(stepOf(converted.body.record, 'opportunity').recordId).toBe(opportunityId);

    const opportunity = await get('opportunity', opportunityId);
    const account = await get('account', stepOf(converted.body.record, 'account').recordId);
    const contact = await get('contact', stepOf(converted.body.record, 'contact').recordId);
    expect(opportunity.stage).toBe('qualification');
    expect(opportunity.fields).toMatchObject({ name: 'ACME Ltd.', lead: leadId, account: account.id, contact: contact.id, budget: 40_000, timeline: '2026-09-01', source: 'web', notes: 'Replace spreadsheets' });
    expect(account.fields).toMatchObject({ name: 'ACME Ltd.' });
    expect(contact.fields).toMatchObject({ name: 'Ann Buyer', account: account.id });
  });

  it('given the same convert retried with its Idempotency-Key, then the answer is the same and nothing more is stored', async () => {
    const leadId = await qualifiedLead('rita', { name: 'Cy Buyer', company: 'Initrode', email: 'cy@initrode.example' });
    const first = await convert('rita', leadId, { 'idempotency-key': `convert-${leadId}` });
    expect(first.status).toBe(200);
    // Counted by the command, not by the log's head: on the system clock the reactors store their own events meanwhile.
    const records: [string, string][] = [['lead', leadId], ...(first.body.record.conversion?.records ?? []).map((step): [string, string] => [step.kind, step.recordId])];
    const storedByConvert = async (): Promise<number> => {
      let count = 0;
      for (const [kind, id] of records) {
        const history = await harness.request<{ events: { metadata: { commandId: string; correlationId: string } }[] }>('ada', 'GET', `/records/${kind}/${id}/history`);
        count += history.body.events.filter(({ metadata }) => [metadata.commandId, metadata.correlationId].includes(`idempotency:rita:convert-${leadId}`)).length;
      }
      return count;
    };
    const before = await storedByConvert();
    expect(before).toBeGreaterThan(0);

    const again = await convert('rita', leadId, { 'idempotency-key': `convert-${leadId}` });

    expect(again.status).toBe(200);
    expect(again.body.record.fields['opportunity']).toBe(first.body.record.fields['opportunity']);
    expect(await storedByConvert()).toBe(before);
  });

  it('given "ACME Ltd." converted, when a lead of "Acme Limited" is converted, then its deal and contact belong to the same account: no second account', async () => {
    const firstLead = await qualifiedLead('rita', { name: 'Dee Buyer', company: 'Umbrella Ltd.', email: 'dee@umbrella.example' });
    const first = await convert('rita', firstLead);
    const secondLead = await qualifiedLead('rita', { name: 'Eve Buyer', company: 'UMBRELLA limited', email: 'eve@umbrella.example' });

    const second = await convert('rita', secondLead);

    expect(second.status).toBe(200);
    expect(stepOf(second.body.record, 'account')).toMatchObject({ recordId: stepOf(first.body.record, 'account').recordId, found: true });
    expect(stepOf(second.body.record, 'contact').found).toBe(false);
    const opportunity = await get('opportunity', String(second.body.record.fields['opportunity']));
    expect(opportunity.fields['account']).toBe(stepOf(first.body.record, 'account').recordId);
  });

  it('given an account and a contact opened by hand, when a lead of that company and email is converted, then both are linked, not opened again', async () => {
    const account = await harness.request<WriteBody>('rita', 'POST', '/records/account', { fields: { name: 'Globex Inc' } });
    const contact = await harness.request<WriteBody>('rita', 'POST', '/records/contact', { fields: { name: 'Hank Scorpio', email: 'hank@globex.example', account: account.body.record.id } });
    expect([account.status, contact.status]).toEqual([201, 201]);
    // The conversion finds records opened by hand in the records read model.
    await harness.untilProjectionsCaughtUp();
    const leadId = await qualifiedLead('rita', { name: 'Hank Scorpio', company: 'GLOBEX, Inc.', email: 'HANK@Globex.example' });

    const converted = await convert('rita', leadId);

    expect(converted.status).toBe(200);
    expect(stepOf(converted.body.record, 'account')).toMatchObject({ recordId: account.body.record.id, found: true });
    expect(stepOf(converted.body.record, 'contact')).toMatchObject({ recordId: contact.body.record.id, found: true });
  });

  it('given a deal its own blueprint refuses (a budget under the minimum), when converted, then 422 CONVERSION_REFUSED names the opportunity step and nothing is stored anywhere', async () => {
    const leadId = await qualifiedLead('rita', { name: 'Fay Buyer', company: 'Hooli', email: 'fay@hooli.example' }, { ...bant, budget: 500 });
    const before = await head();

    const refused = await convert('rita', leadId);

    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('CONVERSION_REFUSED');
    expect(refused.body.message).toContain('opportunity');
    expect(JSON.stringify(refused.body.details)).toContain('budget');
    expect(await head()).toEqual(before);
    const lead = await get('lead', leadId);
    expect([lead.stage, lead.conversion]).toEqual(['qualified', null]);
  });

  it('given a lead without a company, when converted, then 422 TRANSITION_REFUSED names the company and nothing is stored', async () => {
    const leadId = await qualifiedLead('rita', { name: 'Gus Buyer', email: 'gus@example.com' });
    const before = await head();

    const refused = await convert('rita', leadId);

    expect([refused.status, refused.body.error]).toEqual([422, 'TRANSITION_REFUSED']);
    expect(JSON.stringify(refused.body.details)).toContain('company');
    expect(await head()).toEqual(before);
  });

  it('given raj, who may not read rita’s lead, when he converts it, then 404 (as if it did not exist) and nothing is stored', async () => {
    const leadId = await qualifiedLead('rita', { name: 'Hal Buyer', company: 'Vandelay', email: 'hal@vandelay.example' });
    const before = await head();

    const refused = await convert('raj', leadId);

    expect([refused.status, refused.body.error]).toEqual([404, 'RECORD_NOT_FOUND']);
    expect(await head()).toEqual(before);
  });
});

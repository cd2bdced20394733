import { ManualClock } from '@crm/clock';
import { ApiHarness } from './api-harness';

/**
 * Lead intake over real HTTP (README, Intake): intake keys made by an admin, web forms and batches,
 * dedup by the lead match rules, retries, revocation, the rate limit, and leads opened by hand.
 */
describe('POST /intake/leads', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const createKey = async (source: string, ratePerMinute?: number): Promise<{ id: string; key: string }> => {
    const created = await harness.request<{ id: string; key: string }>('ada', 'POST', '/intake/keys', { source, ...(ratePerMinute === undefined ? {} : { ratePerMinute }) });
    expect(created.status).toBe(201);
    return created.body;
  };

  const intake = async (key: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> => {
    const response = await fetch(`${harness.api.url}/intake/leads`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-intake-key': key }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
  };

  const historyTypes = async (id: string): Promise<string[]> => {
    const history = await harness.request<{ events: { type: string }[] }>('ada', 'GET', `/records/lead/${id}/history`);
    return history.body.events.map((event) => event.type);
  };

  it('given the same email in another case with spaces, when it comes in again, then it merges into one lead (LeadMerged, rule same-email) with source, campaign and UTM tags kept', async () => {
    const { key } = await createKey('website');

    const first = await intake(key, { externalId: 'form-1', name: 'Ann Lee', email: 'ann@acme.example', campaign: 'spring', utm_source: 'newsletter', utm_medium: 'email' });
    const second = await intake(key, { externalId: 'form-2', name: 'Ann', email: '  ANN@Acme.Example ' });

    expect(first).toMatchObject({ status: 201, body: { status: 'created', rule: null } });
    expect(second).toMatchObject({ status: 201, body: { status: 'merged', recordId: first.body['recordId'], rule: 'same-email' } });
    const history = await harness.request<{ events: { type: string; data: Record<string, unknown> }[] }>('ada', 'GET', `/records/lead/${String(first.body['recordId'])}/history`);
    expect(history.body.events.find((event) => event.type === 'LeadCaptured')?.data).toMatchObject({ source: 'website', externalId: 'form-1', campaign: 'spring', utm: { utm_source: 'newsletter', utm_medium: 'email' } });
    expect(history.body.events.find((event) => event.type === 'LeadMerged')?.data).toMatchObject({ rule: 'same-email', payload: { name: 'Ann', email: 'ann@acme.example' }, capture: { externalId: 'form-2' } });
  });

  it('given the same phone in another format and "ACME Ltd." vs "Acme Limited", when they come in a batch, then each merges into its lead', async () => {
    const { key } = await createKey('expo-2026');

    const batch = await intake(key, {
      leads: [
        { externalId: 'b-1', name: 'Bo Chen', phone: '+1 (415) 555-2671' },
        { externalId: 'b-2', name: 'Bo Chen', phone: '415.555.2671', email: 'bo@globex.example' },
        { externalId: 'b-3', name: 'Cy Lau', company: 'ACME Ltd.' },
        { externalId: 'b-4', name: 'cy lau', company: 'Acme Limited' },
      ],
    });

    expect(batch.status).toBe(201);
    const results = batch.body['results'] as { status: string; recordId: string; rule: string | null }[];
    expect(results.map(({ status, rule }) => [status, rule])).toEqual([
      ['created', null],
      ['merged', 'same-phone'],
      ['created', null],
      ['merged', 'same-company-and-person'],
    ]);
    expect(results[1].recordId).toBe(results[0].recordId);
    expect(results[3].recordId).toBe(results[2].recordId);
  });

  it('given a webhook stored once, when it is retried with the same source and external id, then nothing more is stored and the answer is the same', async () => {
    const { key } = await createKey('webhook');
    const first = await intake(key, { externalId: 'hook-1', name: 'Dee Ray', email: 'dee@initech.example' });
    const before = await historyTypes(String(first.body['recordId']));

    const retried = await intake(key, { externalId: 'hook-1', name: 'Dee Ray', email: 'dee@initech.example' });

    expect(retried).toMatchObject({ status: 201, body: first.body });
    expect(await historyTypes(String(first.body['recordId']))).toEqual(before);
  });

  it('given a batch with one bad lead, when it comes in, then 400 names the lead and field and nothing of the batch is stored', async () => {
    const { key } = await createKey('bad-batch');

    const refused = await intake(key, { leads: [{ externalId: 'x-1', name: 'Eve', email: 'eve@acme.example' }, { externalId: 'x-2', email: 'not an email' }] });
    const again = await intake(key, { externalId: 'x-1', name: 'Eve', email: 'eve@acme.example' });

    expect(refused).toMatchObject({ status: 400, body: { error: 'INVALID_FIELDS', details: { lead: 1 } } });
    expect(again.body).toMatchObject({ status: 'created' });
  });

  it('given no key, a wrong key or a revoked key, when leads are sent, then 401 and nothing is stored', async () => {
    const { id, key } = await createKey('revoked-site');
    const forged = `${key.slice(0, -4)}AAAA`;

    const none = await fetch(`${harness.api.url}/intake/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'r-1', email: 'r@x.example' }) });
    const wrong = await intake(forged, { externalId: 'r-1', email: 'r@x.example' });
    const revoked = await harness.request('ada', 'DELETE', `/intake/keys/${id}`);
    const afterRevoke = await intake(key, { externalId: 'r-1', email: 'r@x.example' });

    expect(none.status).toBe(401);
    expect(wrong).toMatchObject({ status: 401, body: { error: 'INTAKE_KEY_INVALID' } });
    expect(revoked).toMatchObject({ status: 200, body: { id, revokedBy: 'ada' } });
    expect(afterRevoke).toMatchObject({ status: 401, body: { error: 'INTAKE_KEY_INVALID', message: 'intake key revoked' } });
    const listed = await harness.request<{ keys: { id: string; revokedAt: string | null; key?: string }[] }>('ada', 'GET', '/intake/keys');
    expect(listed.body.keys.find((entry) => entry.id === id)).toMatchObject({ revokedAt: expect.any(String) });
    expect(listed.body.keys.every((entry) => entry.key === undefined)).toBe(true);
  });

  it('given a rep, when they try to create a key, then 403 names the admin-only rule', async () => {
    const refused = await harness.request('rita', 'POST', '/intake/keys', { source: 'sneaky' });

    expect(refused).toMatchObject({ status: 403, body: { details: { rule: 'admin-only' } } });
  });

  it('given a key of 2 leads a minute, when a third comes within the minute, then 429 with Retry-After; after the wait it is taken', async () => {
    const { key } = await createKey('slow-site', 2);
    await intake(key, { externalId: 's-1', email: 's1@slow.example' });
    await intake(key, { externalId: 's-2', email: 's2@slow.example' });

    const limited = await intake(key, { externalId: 's-3', email: 's3@slow.example' });
    clock.advance(Number(limited.retryAfter) * 1_000);
    const later = await intake(key, { externalId: 's-3', email: 's3@slow.example' });

    expect(limited).toMatchObject({ status: 429, body: { error: 'INTAKE_RATE_LIMITED', details: { retryAfterSeconds: 30 } }, retryAfter: '30' });
    expect(later).toMatchObject({ status: 201, body: { status: 'created' } });
  });

  it('given a kept lead, when a rep opens the same email by hand, then 409 DUPLICATE_LEAD; with allowDuplicate and a reason it is opened and the reason recorded', async () => {
    const { key } = await createKey('manual-check');
    const kept = await intake(key, { externalId: 'm-1', name: 'Fay Wu', email: 'fay@hooli.example' });

    const refused = await harness.request('rita', 'POST', '/records/lead', { fields: { name: 'Fay Wu', email: 'FAY@hooli.example' } });
    const allowed = await harness.request<{ record: { id: string }; events: { type: string; data: Record<string, unknown> }[] }>('rita', 'POST', '/records/lead', {
      fields: { name: 'Fay Wu', email: 'fay@hooli.example' },
      allowDuplicate: { reason: 'her second company' },
    });

    // The kept lead is unowned (in the pool), which a rep may read: it is named.
    expect(refused).toMatchObject({ status: 409, body: { error: 'DUPLICATE_LEAD', details: { rule: 'same-email', existing: kept.body['recordId'] } } });
    expect(allowed.status).toBe(201);
    expect(allowed.body.events.find((event) => event.type === 'DuplicateLeadAllowed')?.data).toMatchObject({ reason: 'her second company', rules: ['same-email'], by: 'rita' });
  });

  it('given two leads, when merged by hand and then split, then both steps are audited and the merged lead is a lead again', async () => {
    const keep = await harness.request<{ record: { id: string } }>('rita', 'POST', '/records/lead', { fields: { name: 'Gil Orr', email: 'gil@work.example' } });
    const away = await harness.request<{ record: { id: string } }>('rita', 'POST', '/records/lead', { fields: { name: 'Gil Orr', phone: '+14155550100' } });

    const merged = await harness.request<{ record: { fields: Record<string, unknown> } }>('rita', 'POST', `/records/lead/${keep.body.record.id}/merge`, { lead: away.body.record.id, reason: 'same person' });
    const moveMerged = await harness.request('rita', 'PATCH', `/records/lead/${away.body.record.id}`, { fields: { notes: 'x' } });
    const split = await harness.request<{ record: { fields: Record<string, unknown> } }>('rita', 'POST', `/records/lead/${keep.body.record.id}/split`, { lead: away.body.record.id });
    const editAway = await harness.request('rita', 'PATCH', `/records/lead/${away.body.record.id}`, { fields: { notes: 'a lead again' } });

    expect(merged).toMatchObject({ status: 200, body: { record: { fields: { phone: '+14155550100' } } } });
    expect(moveMerged).toMatchObject({ status: 409, body: { error: 'LEAD_MERGED', details: { into: keep.body.record.id } } });
    expect(split.status).toBe(200);
    expect(split.body.record.fields).not.toHaveProperty('phone');
    expect(editAway.status).toBe(200);
    expect(await historyTypes(keep.body.record.id)).toEqual(expect.arrayContaining(['LeadMerged', 'LeadSplit']));
    expect(await historyTypes(away.body.record.id)).toEqual(expect.arrayContaining(['LeadMergedAway', 'LeadRestored']));
  });
});

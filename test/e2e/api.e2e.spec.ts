import { present } from '@crm/event-store/contract';
import { ApiHarness, type ApiResponse } from './api-harness';

interface RecordBody {
  record: { id: string; stage: string; revision: number; owner: string | null; next: { event: string; allowed: boolean; unmet: { field?: string; criterion: string }[] }[] };
  events: { type: string }[];
}
interface ErrorBody {
  error: string;
  message: string;
  details: Record<string, unknown>;
}

describe('HTTP API (real server on a temp data dir)', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  const head = async (): Promise<string | null> =>
    (await harness.request<{ store: { headPosition: string | null } }>('ana', 'GET', '/health')).body.store.headPosition;

  const expectError = (response: ApiResponse<unknown>, status: number, error: string): ErrorBody => {
    expect({ status: response.status, error: (response.body as ErrorBody).error }).toEqual({ status, error });
    const body = response.body as ErrorBody;
    expect(typeof body.message).toBe('string');
    expect(typeof body.details).toBe('object');
    return body;
  };

  describe('system', () => {
    it('serves /health without a token saying only up, and with one naming the store and its head', async () => {
      expect(await harness.request(null, 'GET', '/health')).toEqual({ status: 200, body: { status: 'up' } });
      const health = await harness.request('ana', 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'up', store: { kind: 'sqlite' }, blueprints: ['account', 'contact', 'lead', 'opportunity', 'order', 'quote', 'subscription'] });
    });

    it('serves the OpenAPI document and the docs page without a token', async () => {
      const document = await harness.request<{ paths: Record<string, unknown> }>(null, 'GET', '/docs/openapi.json');
      expect(Object.keys(document.body.paths)).toEqual(
        expect.arrayContaining(['/health', '/blueprints', '/blueprints/{id}', '/records/{kind}', '/records/{kind}/{id}/transitions']),
      );
      const page = await fetch(`${harness.api.url}/docs`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('SwaggerUIBundle');
    });

    it('answers unknown routes with 404 in the error shape', async () => {
      expectError(await harness.request('rita', 'GET', '/nowhere'), 404, 'NOT_FOUND');
    });
  });

  describe('authentication', () => {
    it('refuses a request without a token with 401', async () => {
      const body = expectError(await harness.request(null, 'GET', '/blueprints'), 401, 'UNAUTHENTICATED');
      expect(body.message).toContain('no credentials');
    });

    it('refuses a forged token with 401', async () => {
      expectError(await harness.request(null, 'GET', '/blueprints', undefined, { authorization: 'Bearer abc.def.ghi' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('blueprints', () => {
    it('lists the blueprints with their versions', async () => {
      const list = await harness.request<{ id: string; latestVersion: number }[]>('olga', 'GET', '/blueprints');
      expect(list.status).toBe(200);
      expect(list.body.map((blueprint) => [blueprint.id, blueprint.latestVersion])).toEqual([
        ['account', 1],
        ['contact', 1],
        ['lead', 4],
        ['opportunity', 4],
        ['order', 1],
        ['quote', 4],
        ['subscription', 1],
      ]);
    });

    it('shows one blueprint with its definition and a Mermaid diagram', async () => {
      const detail = await harness.request<{ definition: { stages: unknown[] }; diagram: string }>('olga', 'GET', '/blueprints/opportunity');
      expect(detail.status).toBe(200);
      expect(detail.body.definition.stages).toHaveLength(7);
      expect(detail.body.diagram).toContain('stateDiagram-v2');
    });

    it('answers an unknown blueprint or version with 404 and a non-numeric version with 400', async () => {
      expectError(await harness.request('olga', 'GET', '/blueprints/spaceship'), 404, 'BLUEPRINT_NOT_FOUND');
      expectError(await harness.request('olga', 'GET', '/blueprints/opportunity?version=9'), 404, 'BLUEPRINT_NOT_FOUND');
      expect((await harness.request('olga', 'GET', '/blueprints/opportunity?version=abc')).status).toBe(400);
    });
  });

  describe('records', () => {
    it('opens a record with 201 in the initial stage, owned by the caller', async () => {
      const opened = await harness.request<RecordBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Initech' } });
      expect(opened.status).toBe(201);
      expect(opened.body.record).toMatchObject({ stage: 'qualification', owner: 'rita', revision: 0 });
      expect(opened.body.events.map((event) => event.type)).toEqual(['RecordOpened']);
    });

    it('shows what blocks the next step, refuses the transition with 422 listing every unmet criterion, and stores nothing', async () => {
      const id = await harness.openOpportunity('rita');
      const shown = await harness.request<RecordBody['record']>('rita', 'GET', `/records/opportunity/${id}`);
      const analyze = present(shown.body.next.find((step) => step.event === 'analyze_needs'), 'the next step analyze_needs');
      expect(analyze.allowed).toBe(false);
      expect(analyze.unmet.map((unmet) => unmet.field)).toEqual(['budget', 'decisionMaker', 'timeline']);

      const before = await harness.request<{ events: unknown[] }>('rita', 'GET', `/records/opportunity/${id}/history`);
      const refused = await harness.request('rita', 'POST', `/records/opportunity/${id}/transitions`, {
        event: 'analyze_needs',
        fields: { timeline: '2026-09-30' },
      });
      const body = expectError(refused, 422, 'TRANSITION_REFUSED');
      expect((body.details['unmet'] as { field: string }[]).map((unmet) => unmet.field)).toEqual(['budget', 'decisionMaker']);
      const after = await harness.request<{ events: unknown[] }>('rita', 'GET', `/records/opportunity/${id}/history`);
      expect(after.body).toEqual(before.body);
    });

    it('advances with fields supplied in the same step, and the history names who did it', async () => {
      const id = await harness.openOpportunity('rita');
      const advanced = await harness.request<RecordBody>('rita', 'POST', `/records/opportunity/${id}/transitions`, {
        event: 'analyze_needs',
        fields: { budget: 90_000, decisionMaker: 'Hank', timeline: '2026-09-30' },
        reason: 'discovery call went well',
      });
      expect(advanced.status).toBe(200);
      expect(advanced.body.record.stage).toBe('needs_analysis');
      const history = await harness.request<{ events: { type: string; metadata: Record<string, unknown>; data: Record<string, unknown> }[] }>(
        'rita',
        'GET',
        `/records/opportunity/${id}/history`,
      );
      expect(history.body.events.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged', 'Transitioned']);
      expect(history.body.events[2].metadata).toMatchObject({ actor: 'rita', roles: ['rep'] });
      expect(history.body.events[2].data).toMatchObject({ reason: 'discovery call went well' });
    });

    it('updates fields with PATCH; a wrong type is 400 naming the field; an unknown body property is 400', async () => {
      const id = await harness.openOpportunity('rita');
      const updated = await harness.request<RecordBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { amount: 1_200.5 } });
      expect(updated.status).toBe(200);
      expect(updated.body.record.revision).toBe(1);

      const headBefore = await head();
      const wrongType = expectError(
        await harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { amount: 'lots', closeDate: '2026-13-01' } }),
        400,
        'INVALID_FIELDS',
      );
      expect(wrongType.message).toContain('amount');
      expect(wrongType.message).toContain('closeDate');
      const unknownProperty = expectError(
        await harness.request('rita', 'PATCH', `/records/opportunity/${id}`, { fields: {}, colour: 'red' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(unknownProperty.message).toContain('colour');
      const wrongShape = expectError(await harness.request('rita', 'POST', `/records/opportunity/${id}/transitions`, { event: 5 }), 400, 'VALIDATION_FAILED');
      expect(wrongShape.message).toContain('event');
      expect(await head()).toBe(headBefore);
    });

    it('answers malformed JSON with 400, an oversized body with 413, unknown kinds and records with 404; nothing is stored', async () => {
      const headBefore = await head();
      expectError(await harness.request('rita', 'POST', '/records/opportunity', '{"fields": {'), 400, 'MALFORMED_JSON');
      const huge = { fields: { notes: 'x'.repeat(2 * 1024 * 1024) } };
      expectError(await harness.request('rita', 'POST', '/records/opportunity', huge), 413, 'PAYLOAD_TOO_LARGE');
      expectError(await harness.request('rita', 'POST', '/records/spaceship', { fields: {} }), 404, 'UNKNOWN_KIND');
      expectError(await harness.request('rita', 'GET', '/records/opportunity/no-such-id'), 404, 'RECORD_NOT_FOUND');
      expectError(await harness.request('rita', 'POST', '/records/opportunity/no-such-id/transitions', { event: 'propose' }), 404, 'RECORD_NOT_FOUND');
      expectError(await harness.request('max', 'POST', '/records/opportunity', { fields: { name: 'x' }, owner: 'nobody' }), 400, 'INVALID_COMMAND');
      expectError(await harness.request('rita', 'POST', '/records/opportunity', { fields: { name: 'x' }, owner: 'raj' }), 403, 'FORBIDDEN');
      expect(await head()).toBe(headBefore);
    });

    it('makes a POST retried with the same Idempotency-Key store once and answer the same', async () => {
      const first = await harness.request<RecordBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Umbrella' } }, { 'idempotency-key': 'open-umbrella-1' });
      const headAfterFirst = await head();
      const retry = await harness.request<RecordBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Umbrella' } }, { 'idempotency-key': 'open-umbrella-1' });
      expect(retry.status).toBe(201);
      expect(retry.body.record.id).toBe(first.body.record.id);
      expect(retry.body.events).toEqual(first.body.events);
      expect(await head()).toBe(headAfterFirst);
    });

    it('given two clients racing with the same expectedRevision, then one gets 200 and the other 409 with the current revision', async () => {
      const id = await harness.openOpportunity('rita');
      const race = await Promise.all(
        ['first', 'second'].map((notes) =>
          harness.request<ErrorBody>('rita', 'PATCH', `/records/opportunity/${id}`, { fields: { notes }, expectedRevision: 0 }),
        ),
      );
      expect(race.map((response) => response.status).sort()).toEqual([200, 409]);
      const conflict = present(race.find((response) => response.status === 409), 'the 409 answer');
      expect(conflict.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', details: { currentRevision: 1, expectedRevision: 0 } });
    });
  });

  describe('roles', () => {
    it('answers a rep advancing another rep’s opportunity with 404, as if it did not exist, naming no owner', async () => {
      const id = await harness.openOpportunity('rita');
      const body = expectError(await harness.request('raj', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } }), 404, 'RECORD_NOT_FOUND');
      expect(body.message).not.toContain('rita');
    });

    it('lets an analyst read everything but refuses any write with 403', async () => {
      const id = await harness.openOpportunity('rita');
      expect((await harness.request('ana', 'GET', `/records/opportunity/${id}`)).status).toBe(200);
      expect((await harness.request('ana', 'GET', `/records/opportunity/${id}/history`)).status).toBe(200);
      const refusals = await Promise.all([
        harness.request('ana', 'PATCH', `/records/opportunity/${id}`, { fields: { notes: 'x' } }),
        harness.request('ana', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } }),
        harness.request('ana', 'POST', '/records/opportunity', { fields: { name: 'x' } }),
      ]);
      for (const refusal of refusals) expect(expectError(refusal, 403, 'FORBIDDEN').details['rule']).toBe('analyst.read-only');
    });

    it('lets a process owner read blueprints and records but not advance records', async () => {
      const id = await harness.openOpportunity('rita');
      expect((await harness.request('olga', 'GET', '/blueprints/lead')).status).toBe(200);
      expect((await harness.request('olga', 'GET', `/records/opportunity/${id}`)).status).toBe(200);
      const body = expectError(await harness.request('olga', 'POST', `/records/opportunity/${id}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } }), 403, 'FORBIDDEN');
      expect(body.details['rule']).toBe('process-owner.no-record-writes');
    });

    it('lets a manager act on their team’s records and reassign within the team, not on another team’s', async () => {
      const ritas = await harness.openOpportunity('rita');
      const rajs = await harness.openOpportunity('raj');
      expect((await harness.request('max', 'POST', `/records/opportunity/${ritas}/owner`, { owner: 'max' })).status).toBe(200);
      expect((await harness.request('max', 'PATCH', `/records/opportunity/${ritas}`, { fields: { notes: 'coaching' } })).status).toBe(200);
      // Another team's records, and another rep's, are not theirs to see: 404 as for a missing one.
      expectError(await harness.request('max', 'PATCH', `/records/opportunity/${rajs}`, { fields: { notes: 'x' } }), 404, 'RECORD_NOT_FOUND');
      expectError(await harness.request('rita', 'POST', `/records/opportunity/${rajs}/owner`, { owner: 'rita' }), 404, 'RECORD_NOT_FOUND');
      // A team record the manager may read, given to someone outside the team: 403 naming the rule.
      expect(expectError(await harness.request('max', 'POST', `/records/opportunity/${ritas}/owner`, { owner: 'raj' }), 403, 'FORBIDDEN').details['rule']).toBe(
        'manager.own-team',
      );
    });

    it('lets a rep take an unowned lead from the pool', async () => {
      const pooled = await harness.request<RecordBody>('max', 'POST', '/records/lead', { fields: { name: 'Walk-in' }, owner: null });
      expect(pooled.body.record.owner).toBeNull();
      const claimed = await harness.request<RecordBody>('raj', 'POST', `/records/lead/${pooled.body.record.id}/owner`, { owner: 'raj' });
      expect(claimed.status).toBe(200);
      expect(claimed.body.record.owner).toBe('raj');
    });

    it('lets a blueprint narrow roles further: a rep may not send a quote back to draft, a manager may', async () => {
      const deal = await harness.openOpportunity('rita');
      const quote = await harness.request<RecordBody>('rita', 'POST', '/records/quote', { fields: { opportunity: deal, total: 900, validUntil: '2026-12-31' } });
      const id = quote.body.record.id;
      expect((await harness.request('rita', 'POST', `/records/quote/${id}/transitions`, { event: 'submit' })).status).toBe(200);
      const refused = expectError(await harness.request('rita', 'POST', `/records/quote/${id}/transitions`, { event: 'send_back' }), 422, 'TRANSITION_REFUSED');
      expect((refused.details['unmet'] as { criterion: string }[]).map((unmet) => unmet.criterion)).toEqual(['role']);
      expect((await harness.request('max', 'POST', `/records/quote/${id}/transitions`, { event: 'send_back' })).status).toBe(200);
    });

    it('asks approvers for a discount, refuses self-approval with 403, and approves once the chain completes', async () => {
      const deal = await harness.openOpportunity('rita');
      const quote = await harness.request<RecordBody>('rita', 'POST', '/records/quote', { fields: { opportunity: deal, total: 900, validUntil: '2026-12-31', discount: 0.15 } });
      const id = quote.body.record.id;
      expect((await harness.request('rita', 'POST', `/records/quote/${id}/transitions`, { event: 'submit' })).status).toBe(200);
      const asked = await harness.request<RecordBody & { record: { approvals: { approvalId: string; waitingFor: string[] }[] } }>('rita', 'POST', `/records/quote/${id}/transitions`, { event: 'approve' });
      expect(asked.status).toBe(202);
      const [approval] = asked.body.record.approvals;
      expect(approval?.waitingFor).toEqual(['Sales manager']);
      const path = `/records/quote/${id}/approvals/${approval?.approvalId ?? 'none'}`;
      expect(expectError(await harness.request('ada', 'POST', `${path}/grant`, {}), 403, 'FORBIDDEN').details['rule']).toBe('approval.not-approver');
      const granted = await harness.request<RecordBody>('max', 'POST', `${path}/grant`, { comment: 'fine' });
      expect([granted.status, granted.body.record.stage]).toEqual([200, 'approved']);
      expectError(await harness.request('max', 'POST', `${path}/grant`, {}), 409, 'APPROVAL_CLOSED');
    });
  });
});

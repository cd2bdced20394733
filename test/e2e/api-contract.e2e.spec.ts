import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ManualClock } from '@crm/clock';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { paymentSignature } from '@crm/engine';
import { RECORD_EVENT_TYPES } from '@crm/workflow';
import { ApiHarness, type DemoUser } from './api-harness';
import { OpenApiContract, type Answer } from './openapi-contract';

/**
 * The OpenAPI document is the contract the web app's client is generated from: every answer the API
 * gives must match the schema the document declares for its route and status. Checked on every answer
 * of the golden transcript and of a scenario that reaches the routes and refusals the transcript does not.
 */

interface TranscriptEntry {
  readonly step: string;
  readonly request: string;
  readonly status: number;
  readonly body: unknown;
}

const TRANSCRIPT = join(__dirname, '__transcripts__', 'api-transcript.json');
const PLACEHOLDER = /<id (\d+)>/g;

const COMMAND_HASH_PLACEHOLDER = '<command hash>';

const uuidFor = (text: string): string => text.replace(PLACEHOLDER, (_match, n: string) => `00000000-0000-7000-8000-${n.padStart(12, '0')}`);

/**
 * The transcript keeps `<id N>` for generated ids and `<command hash>` for fingerprints; a UUID and a
 * digest stand in again so `format: uuid` and the hash pattern are checked.
 */
const withUuids = (body: unknown): unknown =>
  JSON.parse(JSON.stringify(body), (key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (key === 'commandHash' && value === COMMAND_HASH_PLACEHOLDER) return '0'.repeat(64);
    return uuidFor(value);
  });

const transcriptAnswers = (): { step: string; answer: Answer }[] =>
  (JSON.parse(readFileSync(TRANSCRIPT, 'utf8')) as TranscriptEntry[]).map((entry) => {
    // A placeholder in the path holds a space: it becomes a UUID before the request line is split.
    const [, method = '', path = ''] = uuidFor(entry.request).split(' ');
    return { step: entry.step, answer: { method, path, status: entry.status, body: withUuids(entry.body) } };
  });

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ label: `${method.toUpperCase()} ${template}`, template, operation }] : [];
    }),
  );

const isReference = (value: object): value is ReferenceObject => '$ref' in value;

/** The schema a response declares for application/json, if any. */
const jsonSchemaOfResponse = (response: object): SchemaObject | ReferenceObject | undefined =>
  isReference(response) ? undefined : (response as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> }).content?.['application/json']?.schema;

const refOf = (schema: SchemaObject | ReferenceObject | undefined): string | undefined => (schema && isReference(schema) ? schema.$ref : undefined);

const errorBodyRefs = (document: OpenAPIObject): Set<string> =>
  new Set(
    Object.entries(document.components?.schemas ?? {})
      .filter(([, schema]) => !isReference(schema) && ['error', 'message', 'details'].every((property) => schema.properties?.[property] !== undefined))
      .map(([name]) => `#/components/schemas/${name}`),
  );

/** Every object schema in the components, with where it is (nested ones included). */
const objectSchemasOf = (schema: SchemaObject | ReferenceObject, at: string): { at: string; schema: SchemaObject }[] => {
  if (isReference(schema)) return [];
  const own = schema.properties ? [{ at, schema }] : [];
  const nested = [
    ...Object.entries(schema.properties ?? {}).map(([name, property]) => objectSchemasOf(property, `${at}.${name}`)),
    ...(schema.items ? [objectSchemasOf(schema.items, `${at}[]`)] : []),
    ...[...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])].map((member) => objectSchemasOf(member, at)),
  ];
  return [...own, ...nested.flat()];
};

const propertyOf = (document: OpenAPIObject, name: string, property: string): SchemaObject | undefined => {
  const schema = document.components?.schemas?.[name];
  const propertySchema = schema && !isReference(schema) ? schema.properties?.[property] : undefined;
  return propertySchema && !isReference(propertySchema) ? propertySchema : undefined;
};

const enumOf = (document: OpenAPIObject, name: string, property: string): unknown[] => propertyOf(document, name, property)?.enum ?? [];

/** The event types a list of events (`items: { oneOf: [$ref, …] }`) admits, from each member's `type` enum. */
const eventTypesOf = (document: OpenAPIObject, name: string): unknown[] => {
  const items = propertyOf(document, name, 'events')?.items;
  const members = items && !isReference(items) ? (items.oneOf ?? []) : [];
  return members.flatMap((member) => (isReference(member) ? enumOf(document, member.$ref.replace('#/components/schemas/', ''), 'type') : []));
};

describe('API contract: the OpenAPI document declares every answer', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let harness: ApiHarness;
  let document: OpenAPIObject;
  let contract: OpenApiContract;

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
    document = (await harness.request<OpenAPIObject>(null, 'GET', '/docs/openapi.json')).body;
    contract = new OpenApiContract(document);
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await harness.stop();
  });

  describe('the document', () => {
    it('given every operation, when its responses are read, then it declares a JSON schema for its success status', () => {
      const withoutSuccessSchema = operationsOf(document)
        .filter(({ operation }) =>
          Object.entries(operation.responses).every(([status, response]) => !status.startsWith('2') || response === undefined || jsonSchemaOfResponse(response) === undefined),
        )
        .map(({ label }) => label);

      expect(operationsOf(document).length).toBeGreaterThanOrEqual(15);
      expect(withoutSuccessSchema).toEqual([]);
    });

    it('given every operation, when its refusals are read, then 400, 401 and any other status answer the { error, message, details } body', () => {
      const errorBodies = errorBodyRefs(document);
      const problems = operationsOf(document).flatMap(({ label, operation }) =>
        ['400', '401', 'default'].flatMap((status) => {
          const response = operation.responses[status];
          return response && errorBodies.has(refOf(jsonSchemaOfResponse(response)) ?? '') ? [] : [`${label} ${status}`];
        }),
      );

      expect(problems).toEqual([]);
    });

    it('given the refusals of the record routes, when read, then each documented status has its own error schema', () => {
      const responses = document.paths['/records/{kind}/{id}/transitions']?.post?.responses ?? {};
      const refusals = Object.fromEntries(
        ['400', '401', '403', '404', '409', '413', '414', '415', '422', '503'].map((status) => [status, refOf(jsonSchemaOfResponse(responses[status] ?? {}))]),
      );

      expect(refusals).toEqual({
        400: '#/components/schemas/BadRequestError',
        401: '#/components/schemas/UnauthenticatedError',
        403: '#/components/schemas/ForbiddenError',
        404: '#/components/schemas/NotFoundError',
        409: '#/components/schemas/ConflictError',
        413: '#/components/schemas/PayloadTooLargeError',
        414: '#/components/schemas/UriTooLongError',
        415: '#/components/schemas/UnsupportedMediaTypeError',
        422: '#/components/schemas/UnprocessableError',
        503: '#/components/schemas/UnavailableError',
      });
      expect(enumOf(document, 'UnprocessableError', 'error')).toEqual(expect.arrayContaining(['TRANSITION_REFUSED', 'RECORD_CLOSED', 'IDEMPOTENCY_KEY_REUSED']));
    });

    it('given every object schema, when read, then it is closed (additionalProperties false) unless it is a map', () => {
      const open = Object.entries(document.components?.schemas ?? {})
        .flatMap(([name, schema]) => objectSchemasOf(schema, name))
        .filter(({ schema }) => schema.additionalProperties !== false)
        .map(({ at }) => at);

      // Field values by name and the details of a refusal are maps: their keys are data, not contract.
      expect(open).toEqual([]);
    });

    it('given the event types the record slices declare, when the write and history answers are read, then each type has its schema', () => {
      expect(eventTypesOf(document, 'RecordWriteResult')).toEqual(expect.arrayContaining([...RECORD_EVENT_TYPES]));
      expect(eventTypesOf(document, 'RecordHistory')).toEqual(expect.arrayContaining([...RECORD_EVENT_TYPES]));
    });

    it('given the idempotency header, when the write routes are read, then it is one optional parameter', () => {
      const headers = (document.paths['/records/{kind}']?.post?.parameters ?? []).filter((parameter) => !isReference(parameter) && parameter.in === 'header');

      expect(headers).toEqual([expect.objectContaining({ name: 'Idempotency-Key', required: false })]);
    });
  });

  describe('the checker', () => {
    const shown = () => {
      const entry = transcriptAnswers().find(({ step }) => step === 'show');
      if (!entry) throw new Error('the transcript has no "show" step');
      return entry.answer;
    };
    const mutated = (change: (schemas: Record<string, SchemaObject>) => void): OpenApiContract => {
      const copy = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
      change((copy.components?.schemas ?? {}) as Record<string, SchemaObject>);
      return new OpenApiContract(copy);
    };

    it('given a record answer, when checked against the document, then it conforms', () => {
      expect(contract.problemsOf(shown())).toEqual([]);
    });

    it('given an answer with a property the document does not name, when checked, then the property is named', () => {
      const answer = shown();
      const body = { ...(answer.body as Record<string, unknown>), color: 'red' };

      expect(contract.problemsOf({ ...answer, body })).toEqual([`GET /records/opportunity/globex-1 → 200: (body): undocumented property "color"`]);
    });

    it('given a schema that no longer names a property the answer has, when checked, then the answer fails', () => {
      const wrong = mutated((schemas) => {
        const view = schemas['RecordView'];
        if (!view?.properties) throw new Error('no RecordView schema');
        delete view.properties['stageTitle'];
        view.required = (view.required ?? []).filter((name) => name !== 'stageTitle');
      });

      expect(wrong.problemsOf(shown())).toEqual([`GET /records/opportunity/globex-1 → 200: (body): undocumented property "stageTitle"`]);
    });

    it('given a schema with a wrong type, when checked, then the answer fails naming where', () => {
      const wrong = mutated((schemas) => {
        const view = schemas['RecordView'];
        if (!view?.properties) throw new Error('no RecordView schema');
        view.properties['revision'] = { type: 'string' };
      });

      expect(wrong.problemsOf(shown())).toEqual([`GET /records/opportunity/globex-1 → 200: /revision: must be string`]);
    });

    it('given a schema that says a nullable property is not, when an answer has null there, then it fails', () => {
      const pool = transcriptAnswers().find(({ step }) => step === 'open a pool lead');
      if (!pool) throw new Error('the transcript has no "open a pool lead" step');
      const wrong = mutated((schemas) => {
        const view = schemas['RecordView'];
        if (!view?.properties) throw new Error('no RecordView schema');
        view.properties['owner'] = { type: 'string' };
      });

      expect(contract.problemsOf(pool.answer)).toEqual([]);
      expect(wrong.problemsOf(pool.answer)).toEqual([`POST /records/lead → 201: /record/owner: must be string`]);
    });

    it('given an error code the status does not document, when checked, then it fails', () => {
      const answer: Answer = { method: 'GET', path: '/pipeline', status: 400, body: { error: 'TRANSITION_REFUSED', message: 'x', details: {} } };

      expect(contract.problemsOf(answer)).toEqual(['GET /pipeline → 400: /error: must be equal to one of the allowed values']);
    });

    it('given a path no route of the document serves, when checked, then it fails', () => {
      expect(contract.problemsOf({ method: 'GET', path: '/nowhere', status: 404, body: {} })).toEqual(['GET /nowhere → 404: no route of the document matches the path']);
    });
  });

  describe('the answers', () => {
    let answers: Answer[] = [];

    /** Every route and refusal the transcript does not reach: blueprint detail, history, a rejected approval, work lists, notifications, webhooks, snapshots, accuracy, projections, health, 401 to 415. */
    const runScenario = async (): Promise<Answer[]> => {
      const answered: Answer[] = [];
      const call = async (as: DemoUser | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
        const response = await harness.request(as, method, path, body, headers);
        answered.push({ method, path, status: response.status, body: response.body });
        return response;
      };
      const deal = '/records/opportunity/initech-1';
      const won = { name: 'Initech renewal', budget: 50000, decisionMaker: 'Bill', timeline: '2026-06-30', proposalDocument: 'p.pdf', amount: 48000, closeDate: '2026-06-20' };

      await call(null, 'GET', '/health');
      await call('ana', 'GET', '/health');
      await call(null, 'GET', '/health', undefined, { authorization: 'Bearer forged' });
      await call('olga', 'GET', '/blueprints/opportunity');
      await call('olga', 'GET', '/blueprints/quote?version=1');
      await call('olga', 'GET', '/blueprints/spaceship');
      await call('rita', 'POST', '/records/opportunity', { id: 'initech-1', fields: won });
      for (const event of ['analyze_needs', 'propose', 'negotiate', 'request_approval']) await call('rita', 'POST', `${deal}/transitions`, { event });
      clock.advance(86_400_000);
      await call('rita', 'POST', `${deal}/transitions`, { event: 'close_won' });
      await call('rita', 'GET', `${deal}/history`);
      const quote = '/records/quote/initech-q1';
      await call('rita', 'POST', '/records/quote', { id: 'initech-q1', fields: { opportunity: 'initech-1', total: 9000, validUntil: '2026-12-31', discount: 0.15 } });
      await call('rita', 'POST', `${quote}/transitions`, { event: 'submit' });
      const requested = await call('rita', 'POST', `${quote}/transitions`, { event: 'approve' });
      const [approval] = (requested.body as { record: { approvals: { approvalId: string }[] } }).record.approvals;
      await call('max', 'POST', `${quote}/approvals/${approval?.approvalId ?? 'missing'}/reject`, { reason: 'Too deep a discount for a renewal' });
      await call('max', 'POST', `${quote}/approvals/${approval?.approvalId ?? 'missing'}/grant`, {});
      await call('max', 'POST', `${quote}/approvals/00000000-0000-7000-8000-000000000000/grant`, {});
      await call('rita', 'POST', `${deal}/tasks/00000000-0000-7000-8000-000000000000/complete`, {});
      await call('raj', 'POST', '/records/opportunity', { id: 'hooli-1', fields: { name: 'Hooli', amount: 9000, closeDate: '2026-06-25' } });
      await call('raj', 'PATCH', '/records/opportunity/hooli-1', { fields: { notes: 'call', amount: null }, expectedRevision: 0 }, { 'idempotency-key': 'p-1' });
      await call('raj', 'PATCH', '/records/opportunity/hooli-1', { fields: { notes: 'other' } }, { 'idempotency-key': 'p-1' });
      await call('raj', 'PATCH', '/records/opportunity/hooli-1', { fields: { notes: 'late' }, expectedRevision: 0 });
      await call('ada', 'POST', '/records/opportunity/hooli-1/owner', { owner: 'rita' });
      await call('ada', 'POST', '/records/lead', { id: 'pool-1', owner: null, fields: { name: 'Road Runner' } });
      await call('ada', 'POST', '/records/lead/pool-1/owner', { owner: null });
      await call('olga', 'GET', '/blueprints/lead');
      await call('rita', 'POST', '/records/lead', { id: 'scored-1', fields: { name: 'Lee Park', email: 'lee@example.com', industry: 'software', employees: 4000 } });
      await call('rita', 'POST', '/records/lead/scored-1/activities', { type: 'demo_requested', details: { campaign: 'spring', pages: 3, returning: true } });
      await call('rita', 'POST', '/records/lead/scored-1/activities', { type: 'podcast_listened' });
      await call('rita', 'GET', '/records/lead/scored-1/history');
      await call('rita', 'POST', '/records/lead/pool-1/claim', {});
      await call('rita', 'POST', '/records/lead/pool-1/release', { reason: 'Wrong region' });
      await call('rita', 'POST', '/records/lead/pool-1/claim', {});
      await call(null, 'POST', '/records/opportunity', { fields: {} });
      await call('ana', 'POST', '/records/opportunity', { fields: { name: 'Not mine to open' } });
      await call('rita', 'POST', '/records/opportunity', { id: '!', fields: {} });
      await call('rita', 'POST', '/records/opportunity', '{"fields":', { 'content-type': 'application/json' });
      await call('rita', 'POST', '/records/opportunity', '<fields/>', { 'content-type': 'application/xml' });
      await call('rita', 'POST', '/records/opportunity', { fields: { notes: 'x'.repeat(1_100_000) } });
      await call('rita', 'GET', `/records/opportunity/${'x'.repeat(129)}`);
      await call('rita', 'GET', '/records/opportunity/nobody');
      await call('rita', 'GET', '/records/opportunity/nobody/history');

      await harness.untilProjectionsCaughtUp();
      await call('ada', 'GET', '/records/opportunity?limit=1');
      await call('ada', 'GET', '/records/opportunity?asOf=2026-06-01&stage=qualification');
      await call('ada', 'GET', '/records/opportunity?limit=0');
      await call('max', 'GET', '/pipeline?stalledAfterDays=0');
      await call('max', 'GET', '/pipeline?kind=spaceship');
      await call('max', 'GET', '/forecast?groupBy=team&periodKind=month');
      await call('max', 'GET', '/forecast?groupBy=total&from=2026-Q3&to=2026-Q2');
      await call('max', 'POST', '/forecast/snapshots', { period: '2026-Q2', asOf: '2026-04-01T00:00:00Z' });
      await call('ana', 'POST', '/forecast/snapshots', { period: '2026-Q2', asOf: '2026-04-01T00:00:00Z' });
      await call('rita', 'POST', '/forecast/snapshots', {});
      await call('max', 'GET', '/forecast/accuracy?from=2026-Q2&to=2026-Q2&groupBy=owner');
      await call('max', 'GET', '/forecast/accuracy?periodKind=week');
      await call('ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01&by=cohort&cohort=quarter');
      await call('ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01&by=notes');
      await call('ana', 'GET', '/analytics/sales?period=2026-Q2&by=owner');
      await call('rita', 'GET', '/analytics/sales/explain?period=2026-Q2&metric=winRate');
      await call('ana', 'GET', '/analytics/sales?by=colour');
      await call('rita', 'GET', '/tasks?status=all');
      await call('max', 'GET', '/tasks?owner=rita&status=done&kind=opportunity&limit=1');
      await call('rita', 'GET', '/tasks?status=late');
      await call('max', 'GET', '/approvals?waitingFor=me');
      await call('max', 'GET', '/approvals?kind=spaceship');
      // Notifications: ada gave hooli-1 to rita and max rejected her quote's approval, so rita has some.
      const inbox = await eventually(async () => {
        await harness.api.outbox.runReactors();
        const page = await harness.request<{ items: { notificationId: string }[] }>('rita', 'GET', '/notifications');
        expect(page.body.items.length).toBeGreaterThan(0);
        return page.body.items;
      });
      await call('rita', 'GET', '/notifications?unread=true&limit=1');
      await call('rita', 'POST', `/notifications/${inbox[0]?.notificationId ?? 'missing'}/read`);
      await call('rita', 'POST', '/notifications/read-all');
      await call('max', 'POST', `/notifications/${inbox[0]?.notificationId ?? 'missing'}/read`);
      // Webhooks: a subscription to a closed port, whose one delivery fails every attempt until it is a dead letter.
      const hook = await call('ada', 'POST', '/webhooks', { url: 'http://127.0.0.1:9/hooks', events: ['RecordOpened'], description: 'contract' });
      const hookId = (hook.body as { subscription?: { subscriptionId?: string } }).subscription?.subscriptionId ?? 'missing';
      await call('ada', 'POST', '/webhooks', { url: 'ftp://127.0.0.1/hooks', events: ['Teleported'] });
      await call('max', 'GET', '/webhooks');
      await call('ada', 'POST', '/records/opportunity', { id: 'hooked-1', owner: 'raj', fields: { name: 'Hooked' } });
      const dead = await eventually(async () => {
        await harness.api.outbox.runDue();
        clock.advance(600_000);
        const page = await harness.request<{ items: { deliveryId: string }[] }>('ada', 'GET', '/webhooks/dead-letters');
        expect(page.body.items).toHaveLength(1);
        return page.body.items[0]?.deliveryId ?? 'missing';
      });
      await call('ada', 'GET', '/webhooks');
      await call('ada', 'GET', `/webhooks/${hookId}/deliveries?status=dead&limit=5`);
      await call('ada', 'GET', '/webhooks/dead-letters');
      await call('ada', 'POST', `/webhooks/deliveries/${dead}/replay`);
      await call('ada', 'POST', `/webhooks/deliveries/${dead}/replay`);
      await call('ada', 'POST', '/webhooks/deliveries/00000000-0000-7000-8000-000000000000/replay');
      await call('ada', 'DELETE', `/webhooks/${hookId}`);
      await call('ada', 'GET', '/webhooks/00000000-0000-7000-8000-000000000000/deliveries');
      await call('ana', 'GET', '/projections');
      await call('ana', 'POST', '/projections/pipeline/rebuild');
      await call('rita', 'POST', '/projections/pipeline/rebuild');
      await call('ana', 'POST', '/projections/nothing/rebuild');
      const issued = await call('ada', 'POST', '/intake/keys', { source: 'contract', name: 'Contract site', ratePerMinute: 3 });
      const intakeKey = { 'x-intake-key': String(issued.body['key']) };
      await call('rita', 'POST', '/intake/keys', { source: 'mine' });
      await call('ada', 'POST', '/intake/keys', { source: 'Not A Source' });
      await call(null, 'POST', '/intake/leads', { externalId: 'c-1', name: 'Ann Lee', email: 'ann@contract.example', utm_source: 'ads' }, intakeKey);
      await call(null, 'POST', '/intake/leads', { leads: [{ externalId: 'c-2', email: 'ANN@contract.example' }] }, intakeKey);
      await call(null, 'POST', '/intake/leads', { leads: [] }, intakeKey);
      await call(null, 'POST', '/intake/leads', { externalId: 'c-3', email: 'c3@contract.example' }, intakeKey);
      await call(null, 'POST', '/intake/leads', { externalId: 'c-4', email: 'c4@contract.example' }, intakeKey);
      await call(null, 'POST', '/intake/leads', { externalId: 'c-5' }, { 'x-intake-key': 'ik_forged' });
      await call('rita', 'POST', '/records/lead', { fields: { email: 'Ann@Contract.example' } });
      await call('ada', 'GET', '/intake/keys');
      await call('ada', 'DELETE', `/intake/keys/${String(issued.body['id'])}`);
      await call('ada', 'DELETE', '/intake/keys/00000000-0000-7000-8000-000000000000');
      await call('rita', 'POST', '/records/lead', { id: 'merge-keep', fields: { name: 'Bo', email: 'bo@contract.example' } });
      await call('rita', 'POST', '/records/lead', { id: 'merge-away', fields: { name: 'Bo', phone: '+14155550123' } });
      await call('rita', 'POST', '/records/lead/merge-keep/merge', { lead: 'merge-away', reason: 'same person' });
      await call('rita', 'PATCH', '/records/lead/merge-away', { fields: { notes: 'x' } });
      await call('rita', 'POST', '/records/lead/merge-keep/split', { lead: 'merge-away' });
      await call('rita', 'POST', '/records/lead/merge-keep/split', { lead: 'never-merged' });
      const away = await call('max', 'POST', '/users/rita/absences', { from: '2027-01-04', to: '2027-01-08', reason: 'Trade fair' });
      await call('raj', 'POST', '/users/rita/absences', { from: '2027-01-04', to: '2027-01-08', reason: 'Made up' });
      await call('rita', 'POST', '/users/rita/absences', { from: '2027-01-08', to: '2027-01-04', reason: 'Backwards' });
      await call('ada', 'POST', '/users/nobody/absences', { from: '2027-01-04', to: '2027-01-08', reason: 'Ghost' });
      await call('ana', 'GET', '/users/rita/absences');
      await call('rita', 'DELETE', `/users/rita/absences/${String(away.body['absenceId'])}`);
      await call('rita', 'DELETE', '/users/rita/absences/not-an-absence');
      // Quote to cash: acceptance links, the customer's acceptance, the payments webhook.
      const sold = '/records/quote/contract-q2';
      await call('rita', 'POST', '/records/quote', { id: 'contract-q2', fields: { opportunity: 'hooli-1', total: 500, validUntil: '2026-12-31' } });
      await call('rita', 'POST', `${sold}/acceptance-link`, {});
      for (const event of ['submit', 'approve']) await call('rita', 'POST', `${sold}/transitions`, { event });
      await call('rita', 'POST', `${sold}/transitions`, { event: 'send', fields: { customerEmail: 'buyer@hooli.example' } });
      const link = await call('rita', 'POST', `${sold}/acceptance-link`, { expiresInDays: 3 });
      await call(null, 'POST', '/quote-acceptance', { token: 'forged.token' });
      await call(null, 'POST', '/quote-acceptance', { token: String(link.body['token']), acceptedBy: 'Gavin' });
      await call(null, 'POST', '/quote-acceptance', { token: String(link.body['token']) });
      const secret = readFileSync(join(harness.dataDirectory, 'payments-secret'), 'utf8').trim();
      const payment = (body: Record<string, unknown>, signature?: string) => {
        const raw = JSON.stringify(body);
        return call(null, 'POST', '/payments', raw, { 'content-type': 'application/json', 'x-payment-signature': signature ?? paymentSignature(secret, raw) });
      };
      await payment({ id: 'c-pay-0', order: 'no-such-order', amount: 100, currency: 'USD' });
      await payment({ id: 'c-pay-0', order: 'no-such-order', amount: 100, currency: 'USD' }, 'sha256=forged');
      await payment({ id: 'c-pay-0', amount: 'lots' });
      const order = await eventually(async () => {
        const page = await harness.request<{ items: { recordId: string; fields: Record<string, unknown> }[] }>('rita', 'GET', '/records/order');
        const found = page.body.items.find((item) => item.fields['quote'] === 'contract-q2');
        if (found === undefined) throw new Error('the accepted quote has no order yet');
        return found.recordId;
      });
      await payment({ id: 'c-pay-1', order, amount: 100, currency: 'USD' });
      await call('rita', 'POST', `/records/order/${order}/transitions`, { event: 'invoice', fields: { invoiceNumber: 'INV-C-1', invoiceDueDate: '2026-07-01' } });
      await payment({ id: 'c-pay-1', order, amount: 50_001, currency: 'USD' });
      await payment({ id: 'c-pay-2', order, amount: 20_000, currency: 'USD' });
      await call('rita', 'GET', `/records/order/${order}/history`);
      await call('rita', 'POST', '/records/quote', { id: 'hooli-q1', fields: { opportunity: 'hooli-1', validUntil: '2026-12-31', customerEmail: 'buyer@hooli.example' } });
      const seats = { priceBook: 'list-usd-enterprise', taxRegion: 'US-CA', lines: [{ sku: 'CRM-PRO-SEAT', quantity: 12, discountPercent: 10 }] };
      await call('rita', 'PUT', '/records/quote/hooli-q1/lines', seats);
      await call('rita', 'PUT', '/records/quote/hooli-q1/lines', { ...seats, lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] });
      await call('rita', 'GET', '/records/quote/hooli-q1/lines');
      await call('rita', 'GET', '/records/quote/hooli-q1/document?format=json');
      await call('rita', 'GET', '/catalog?currency=USD');
      // Blueprint lifecycle (README, Blueprint lifecycle): last, so the new account version changes nothing above.
      const accountV2 = readFileSync(join(__dirname, '..', '..', 'blueprints', 'account.blueprint.yaml'), 'utf8').replace(/^version: 1$/m, 'version: 2');
      await call('olga', 'PUT', '/blueprints/account/draft', { source: accountV2 });
      await call('olga', 'GET', '/blueprints/account/draft');
      await call('olga', 'POST', '/blueprints', { source: accountV2 });
      await call('olga', 'POST', '/blueprints', { source: accountV2.replace(/^version: 2$/m, 'version: 1') });
      await call('rita', 'POST', '/blueprints', { source: accountV2 });
      await harness.untilProjectionsCaughtUp();
      await call('olga', 'GET', '/blueprints/account/versions');
      await call('olga', 'GET', '/blueprints/account/diff?from=1&to=2');
      await call('olga', 'GET', '/blueprints/opportunity/export?format=xstate');
      await call('olga', 'GET', '/blueprints/opportunity/export?format=mermaid');
      await call('ada', 'GET', '/records/account?blueprintVersion=1');
      await call('olga', 'POST', '/blueprints/account/migrations/plan', { from: 1, to: 2 });
      await call('olga', 'POST', '/blueprints/account/migrations', { from: 1, to: 2, reason: 'contract' });
      await call('olga', 'POST', '/blueprints/account/migrations', { from: 1, to: 2, force: 'yes' });
      const opportunityDraft = readFileSync(join(__dirname, '..', '..', 'blueprints', 'opportunity.blueprint.yaml'), 'utf8')
        .replace(/^version: (\d+)$/m, (_line, version: string) => `version: ${Number(version) + 1}`)
        .replace('requires: [budget, decisionMaker, timeline]', 'requires: [budget, decisionMaker, timeline, budgetApproved]')
        .replace(/^fields:\n/m, 'fields:\n  budgetApproved: { type: boolean, label: Budget approved }\n');
      await call('olga', 'POST', '/blueprints/opportunity/what-if', { source: opportunityDraft, from: '2000-01-01' });
      await call('olga', 'POST', '/blueprints/opportunity/what-if', { source: opportunityDraft.replace('initialStage: qualification', 'initialStage: qualifcation') });
      return answered;
    };

    beforeAll(async () => {
      answers = await runScenario();
    }, scaledTimeout(60_000));

    it('given the golden transcript, when each answer is checked against its route and status, then every one conforms', () => {
      const problems = transcriptAnswers().flatMap(({ step, answer }) => contract.problemsOf(answer).map((problem) => `${step}: ${problem}`));

      expect(problems).toEqual([]);
    });

    it('given a scenario across the routes and refusals the transcript does not reach, when each answer is checked, then every one conforms', () => {
      const problems = answers.flatMap((answer) => contract.problemsOf(answer));

      expect(problems).toEqual([]);
      // The scenario reaches each refusal it means to.
      expect([...new Set(answers.map((answer) => answer.status))].sort()).toEqual([200, 201, 202, 400, 401, 403, 404, 409, 410, 413, 414, 415, 422, 429]);
    });

    it('given the transcript and the scenario, when their routes are listed, then every documented operation answered with each success status', () => {
      const succeeded = new Set(
        [...transcriptAnswers().map(({ answer }) => answer), ...answers]
          .filter((answer) => answer.status < 300)
          .map((answer) => `${answer.method} ${contract.routeOf(answer.path) ?? answer.path} ${answer.status}`),
      );
      const documented = operationsOf(document).flatMap(({ label, operation }) =>
        Object.keys(operation.responses)
          .filter((status) => status.startsWith('2'))
          .map((status) => `${label} ${status}`),
      );

      expect(documented.filter((success) => !succeeded.has(success))).toEqual([]);
    });
  });
});

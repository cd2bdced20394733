import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { systemClock } from '@crm/clock';
import { EventStoreException, SqliteEventStore, type Position } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { BlueprintCatalog, newCommandId, openAccess, RecordCommandHandler, WorkflowException, type RecordCommand } from '@crm/workflow';
import { ApiHarness, repositoryRoot, type DemoUser } from '../e2e/api-harness';
import { reliabilitySeed } from './reliability-seed';

/**
 * Random and malformed commands never break the write path: over HTTP no request gets a 5xx, and a
 * refused request stores nothing; through RecordCommandHandler a refused command throws a typed
 * exception and appends nothing. The store's head position is compared before and after each refusal.
 */

const RUNS = 1_000;

const sameHead = (a: Position | null, b: Position | null): boolean => (a === null ? b === null : b !== null && a.commit === b.commit);

const FIELD_NAMES = ['name', 'amount', 'budget', 'decisionMaker', 'timeline', 'closeDate', 'proposalDocument', 'lossReason', 'contactEmail', 'notes', 'company', 'need', 'authority', 'disqualificationReason', 'discount', 'source'];
const EVENTS = ['analyze_needs', 'propose', 'negotiate', 'request_approval', 'close_won', 'close_lost', 'contact', 'nurture', 'qualify', 'submit', 'approve'];

/** Mostly what a real client sends, sometimes anything at all: deep paths get reached and edges get hit. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>, oddOneIn = 6): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: oddOneIn - 1, arbitrary: usual }, { weight: 1, arbitrary: odd });

/** Values a client might send: right and wrong types, edge numbers, long and odd strings. */
const fieldValue = fc.oneof(
  fc.constantFrom(0, -1, 1, 1e21, 0.001, 12.34, 12.345, 250_000, Number.MAX_SAFE_INTEGER, '2026-02-30', '2026-09-30', 'not-a-date', 'a@b.example', '+1 555 0100', 'price', 'web', 'Hank Scorpio', '', ' ', true, null),
  fc.jsonValue(),
  fc.string({ maxLength: 300 }),
  fc.constant('x'.repeat(11_000)),
);
const fields = mostly(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 5 }),
  fc.oneof(fc.dictionary(fc.string({ maxLength: 20 }), fieldValue, { maxKeys: 3 }), fc.jsonValue()),
);
const event = mostly(fc.constantFrom(...EVENTS), fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue()));
const revision = mostly(fc.integer({ min: -1, max: 8 }), fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.jsonValue()));
const owner = mostly(fc.constantFrom('rita', 'raj', 'max', 'nobody', null), fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue()));
const reason = mostly(fc.string({ minLength: 1, maxLength: 60 }), fc.oneof(fc.string({ maxLength: 2_100 }), fc.jsonValue()));

describe('fuzz: commands and HTTP bodies', () => {
  describe('through the running API (in process)', () => {
    let harness: ApiHarness;
    let recordIds: string[];

    beforeAll(async () => {
      harness = await ApiHarness.start();
      recordIds = [
        await harness.openOpportunity('rita', { name: 'Fuzzed deal A' }),
        await harness.openOpportunity('rita', { name: 'Fuzzed deal B', budget: 10_000, decisionMaker: 'Hank', timeline: '2026-09-30' }),
        await harness.openOpportunity('raj', { name: 'Fuzzed deal C' }),
      ];
    }, scaledTimeout(60_000));

    afterAll(async () => {
      await harness?.stop();
    });

    const kind = mostly(fc.constantFrom('opportunity', 'opportunity', 'lead', 'quote'), fc.oneof(fc.constantFrom('account', 'Opportunity', '_blueprint', 'opportunity-x'), fc.string({ minLength: 1, maxLength: 12 })));
    const id = mostly(fc.nat(2), fc.oneof(fc.string({ minLength: 1, maxLength: 140 }), fc.constantFrom('..', 'a b', '%00', 'é', '-x')));
    type Route = 'open' | 'update' | 'advance' | 'reassign';
    const recordIdField = mostly(fc.string({ minLength: 1, maxLength: 20 }).map((text) => `fz-${text.replace(/[^A-Za-z0-9_.:-]/g, '_')}`), fc.jsonValue());
    /** The keys each route's DTO accepts; sometimes one it does not. */
    const wellFormed: Record<Route, fc.Arbitrary<Record<string, unknown>>> = {
      open: fc.record({ id: recordIdField, fields, owner }, { requiredKeys: [] }),
      update: fc.record({ fields, expectedRevision: revision }, { requiredKeys: ['fields'] }),
      advance: fc.record({ event, fields, expectedRevision: revision, reason }, { requiredKeys: ['event'] }),
      reassign: fc.record({ owner, expectedRevision: revision }, { requiredKeys: ['owner'] }),
    };
    const bodyFor = (route: Route): fc.Arbitrary<string> =>
      fc.oneof(
        { weight: 8, arbitrary: wellFormed[route].map((value) => JSON.stringify(value)) },
        { weight: 1, arbitrary: fc.tuple(wellFormed[route], fc.string({ maxLength: 10 }), fc.jsonValue()).map(([value, key, extra]) => JSON.stringify({ ...value, [key]: extra })) },
        { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
        { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', '{"fields":', 'null', '[]', '""', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '\u0000')) },
      );
    const request = fc.constantFrom<Route>('open', 'update', 'advance', 'advance', 'reassign').chain((route) =>
      fc.record({
        user: fc.constantFrom<DemoUser>('rita', 'rita', 'raj', 'max', 'ana', 'ada'),
        route: fc.constant(route),
        kind,
        id,
        body: bodyFor(route),
        contentType: mostly(fc.constant('application/json'), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1')),
        idempotencyKey: fc.option(mostly(fc.uuid(), fc.stringMatching(/^[\x20-\x7e]{0,210}$/)), { nil: undefined }),
      }),
    );

    it(`given ${RUNS} random and malformed requests, when each is sent, then none gets a 5xx and none that is refused stores an event`, async () => {
      const seed = reliabilitySeed('http-fuzz');
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async ({ user, route, kind: recordKind, id: recordId, body: payload, contentType, idempotencyKey }) => {
          const target = typeof recordId === 'number' ? (recordIds[recordId] as string) : recordId;
          const path = {
            open: `/records/${encodeURIComponent(recordKind)}`,
            update: `/records/${encodeURIComponent(recordKind)}/${encodeURIComponent(target)}`,
            advance: `/records/${encodeURIComponent(recordKind)}/${encodeURIComponent(target)}/transitions`,
            reassign: `/records/${encodeURIComponent(recordKind)}/${encodeURIComponent(target)}/owner`,
          }[route];
          const before = await harness.api.engine.store.headPosition();
          const response = await fetch(`${harness.api.url}${path}`, {
            method: route === 'update' ? 'PATCH' : 'POST',
            headers: {
              authorization: `Bearer ${harness.tokenOf(user)}`,
              'content-type': contentType,
              ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
            },
            body: payload,
          });
          const text = await response.text();
          const after = await harness.api.engine.store.headPosition();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) throw new Error(`${route} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
          if (response.status >= 400) {
            expect(sameHead(before, after)).toBe(true);
            const error = JSON.parse(text) as { error?: unknown; message?: unknown; details?: unknown };
            expect(typeof error.error).toBe('string');
            expect(typeof error.message).toBe('string');
            expect(typeof error.details).toBe('object');
          }
        }),
        { seed, numRuns: RUNS },
      );
      process.stdout.write(`[http-fuzz] ${RUNS} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`);
    }, scaledTimeout(180_000));
  });

  describe('through RecordCommandHandler', () => {
    let directory: string;
    let store: SqliteEventStore;
    let handler: RecordCommandHandler;
    let recordIds: string[];

    beforeAll(async () => {
      directory = mkdtempSync(join(tmpdir(), 'crm-command-fuzz-'));
      store = await SqliteEventStore.open({ directory, clock: systemClock });
      const catalog = await BlueprintCatalog.open(store, loadBlueprintDirectory(join(repositoryRoot, 'blueprints')));
      handler = new RecordCommandHandler(store, catalog, { clock: systemClock, policy: openAccess });
      const rita = { id: 'rita', roles: ['rep'] };
      recordIds = [];
      for (const kind of ['opportunity', 'lead', 'quote']) {
        const opened = await handler.execute({ type: 'OpenRecord', kind, commandId: newCommandId(systemClock), actor: rita, fields: {} });
        recordIds.push(opened.recordId);
      }
    }, scaledTimeout(60_000));

    afterAll(async () => {
      await store?.close();
      rmSync(directory, { recursive: true, force: true });
    });

    // The envelope is rarely wrong, so most commands reach the decider, the guards and the store.
    const actor = mostly<object, unknown>(
      fc.constantFrom({ id: 'rita', roles: ['rep'] }, { id: 'max', roles: ['manager'] }, { id: 'ana', roles: ['analyst'] }, { id: 'x', roles: [] }),
      fc.oneof(fc.jsonValue(), fc.record({ id: fc.jsonValue(), roles: fc.jsonValue() })),
      20,
    );
    const command = fc.record(
      {
        type: mostly(fc.constantFrom('OpenRecord', 'UpdateFields', 'FireTransition', 'FireTransition', 'Reassign'), fc.oneof(fc.constantFrom('ImportRecordHistory', 'Delete', ''), fc.jsonValue()), 20),
        kind: mostly(fc.constantFrom('opportunity', 'opportunity', 'lead', 'quote'), fc.oneof(fc.jsonValue(), fc.string({ maxLength: 12 })), 20),
        recordId: mostly(fc.nat(2), fc.oneof(fc.string({ maxLength: 140 }), fc.jsonValue()), 10),
        commandId: mostly(fc.constant('fresh'), fc.oneof(fc.string({ maxLength: 210 }), fc.jsonValue()), 20),
        actor,
        fields,
        event,
        expectedRevision: revision,
        owner,
        reason,
        correlationId: mostly(fc.uuid(), fc.oneof(fc.string({ maxLength: 210 }), fc.jsonValue()), 20),
      },
      { requiredKeys: ['type', 'kind', 'recordId', 'commandId', 'actor'] },
    );

    it(`given ${RUNS} random and malformed commands, when each is executed, then a refused one throws a typed exception and appends nothing`, async () => {
      const seed = reliabilitySeed('command-fuzz');
      let accepted = 0;
      const refusals = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(command, async (generated) => {
          const candidate = {
            ...generated,
            commandId: generated.commandId === 'fresh' ? newCommandId(systemClock) : generated.commandId,
            recordId: typeof generated.recordId === 'number' ? recordIds[generated.recordId] : generated.recordId,
          } as unknown as RecordCommand;
          const before = await store.headPosition();
          try {
            await handler.execute(candidate);
            accepted += 1;
          } catch (error) {
            expect(sameHead(before, await store.headPosition())).toBe(true);
            if (!(error instanceof WorkflowException || error instanceof EventStoreException)) {
              throw new Error(`untyped refusal of ${JSON.stringify(candidate).slice(0, 400)}: ${(error as Error).stack ?? String(error)}`);
            }
            refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1);
          }
        }),
        { seed, numRuns: RUNS },
      );
      process.stdout.write(`[command-fuzz] ${RUNS} commands: ${accepted} accepted; refused ${JSON.stringify(Object.fromEntries(refusals))}\n`);
    }, scaledTimeout(180_000));

    it('given a command whose type is an object with a non-callable toString, when executed, then it is refused with INVALID_COMMAND', async () => {
      const malformed = { type: { toString: '' }, commandId: newCommandId(systemClock), actor: { id: 'rita', roles: ['rep'] } } as unknown as RecordCommand;
      await expect(handler.execute(malformed)).rejects.toBeInstanceOf(WorkflowException);
      await expect(handler.execute(malformed)).rejects.toMatchObject({ code: 'INVALID_COMMAND' });
    });
  });
});

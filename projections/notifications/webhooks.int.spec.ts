import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { Webhooks, type Acting } from '@crm/notifications';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection } from '@crm/projection-runtime';
import { webhooksProjection } from './webhooks.projection';
import { deliveryOf, dueDeliveries, listDeliveries, listSubscriptions, nextDeliveryDueAfter, deliveriesBacklog } from './webhooks.queries';

const ada: Acting = { actor: { id: 'ada', roles: ['admin'] }, authorize: () => undefined };
const POLICY = { maxAttempts: 2, backoff: { initialMs: 1_000, maxMs: 10_000 }, timeoutMs: 1_000 };
const CAUSE = { causationId: 'cause', correlationId: 'correlation' };

describe('the webhooks read model: subscriptions, the delivery log, dead letters and what is due', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let webhooks: Webhooks;

  const catchUp = () => catchUpProjection({ store, readModels, projection: webhooksProjection(), clock });
  const schedule = async (subscriptionId: string, n: number): Promise<string> => {
    const deliveryId = `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
    await webhooks.schedule(
      { deliveryId, subscriptionId, event: 'Transitioned', source: { eventId: `source-${n}`, stream: 'opportunity-globex-1', type: 'Transitioned' }, body: `{"n":${n}}` },
      CAUSE,
    );
    return deliveryId;
  };
  const fail = async (deliveryId: string, attempt: number) => {
    await webhooks.claim(deliveryId, 'worker', 5_000);
    await webhooks.recordOutcome(deliveryId, attempt, { ok: false, status: 503, error: null, durationMs: 4 });
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-webhooks-read-model-'));
    clock.set('2026-06-01T09:00:00.000Z');
    store = await SqliteEventStore.open({ directory, clock });
    readModels = ReadModelDatabase.open({ directory });
    webhooks = new Webhooks({ store, clock, policy: POLICY });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a subscription with deliveries in each state, when listed, then it shows its URL and events, never its secret, and counts its deliveries by status', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'https://hooks.example.com/crm', events: ['Transitioned'], description: 'ERP' }, ada);
    const delivered = await schedule(subscription.subscriptionId, 1);
    const dead = await schedule(subscription.subscriptionId, 2);
    await schedule(subscription.subscriptionId, 3);
    await webhooks.claim(delivered, 'worker', 5_000);
    await webhooks.recordOutcome(delivered, 1, { ok: true, status: 200, durationMs: 3 });
    await fail(dead, 1);
    clock.advance(1_000);
    await fail(dead, 2);
    await catchUp();

    const [listed] = listSubscriptions(readModels.db);

    expect(listed).toEqual({
      subscriptionId: subscription.subscriptionId,
      url: 'https://hooks.example.com/crm',
      events: ['Transitioned'],
      description: 'ERP',
      createdBy: 'ada',
      createdAt: '2026-06-01T09:00:00.000Z',
      status: 'active',
      deletedAt: null,
      deliveries: { pending: 1, delivered: 1, dead: 1, cancelled: 0 },
    });
    expect(JSON.stringify(readModels.db.prepare('SELECT * FROM webhook_subscriptions').all())).not.toContain('whsec_');
  });

  it('given a delivery tried twice and dead-lettered, when its log is read, then each attempt says when, how it ended and when the next was due', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'https://hooks.example.com/crm', events: ['Transitioned'] }, ada);
    const deliveryId = await schedule(subscription.subscriptionId, 1);
    await fail(deliveryId, 1);
    clock.advance(1_000);
    await fail(deliveryId, 2);
    await catchUp();

    expect(deliveryOf(readModels.db, deliveryId)).toEqual({
      deliveryId,
      subscriptionId: subscription.subscriptionId,
      event: 'Transitioned',
      source: { eventId: 'source-1', stream: 'opportunity-globex-1', type: 'Transitioned' },
      status: 'dead',
      attempts: 2,
      nextAttemptAt: null,
      lastStatus: 503,
      lastError: 'HTTP 503',
      scheduledAt: '2026-06-01T09:00:00.000Z',
      deliveredAt: null,
      deadLetteredAt: '2026-06-01T09:00:01.000Z',
      attemptLog: [
        { attempt: 1, startedAt: '2026-06-01T09:00:00.000Z', finishedAt: '2026-06-01T09:00:00.000Z', outcome: 'failed', status: 503, error: null, durationMs: 4, nextAttemptAt: '2026-06-01T09:00:01.000Z' },
        { attempt: 2, startedAt: '2026-06-01T09:00:01.000Z', finishedAt: '2026-06-01T09:00:01.000Z', outcome: 'failed', status: 503, error: null, durationMs: 4, nextAttemptAt: null },
      ],
    });
    expect(listDeliveries(readModels.db, { status: 'dead' }).items.map((item) => item.deliveryId)).toEqual([deliveryId]);
  });

  it('given deliveries due at different times, when asked what is due, then those due by then come in due order, a claimed one is left out until its claim runs out', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'https://hooks.example.com/crm', events: ['Transitioned'] }, ada);
    const first = await schedule(subscription.subscriptionId, 1);
    clock.advance(500);
    const second = await schedule(subscription.subscriptionId, 2);
    await webhooks.claim(second, 'worker', 5_000);
    await catchUp();

    expect(dueDeliveries(readModels.db, '2026-06-01T09:00:00.600Z', 10).map((due) => due.deliveryId)).toEqual([first]);
    expect(dueDeliveries(readModels.db, '2026-06-01T09:00:05.500Z', 10).map((due) => due.deliveryId)).toEqual([first, second]);
    expect(deliveriesBacklog(readModels.db, '2026-06-01T09:00:00.600Z')).toEqual({ due: 1, oldestDueAt: '2026-06-01T09:00:00.000Z' });
    expect(nextDeliveryDueAfter(readModels.db, '2026-06-01T09:00:00.000Z')).toBe('2026-06-01T09:00:05.500Z');
  });

  it('given a subscription’s deliveries, when its log is paged, then it comes newest first, page after page, and a deleted subscription still shows its log', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'https://hooks.example.com/crm', events: ['Transitioned'] }, ada);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      clock.advance(1_000);
      ids.push(await schedule(subscription.subscriptionId, n));
    }
    await webhooks.delete(subscription.subscriptionId, ada);
    await catchUp();

    const first = listDeliveries(readModels.db, { subscriptionId: subscription.subscriptionId, limit: 2 });
    const second = listDeliveries(readModels.db, { subscriptionId: subscription.subscriptionId, limit: 2, cursor: first.nextCursor ?? undefined });

    expect([...first.items, ...second.items].map((item) => item.deliveryId)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(listSubscriptions(readModels.db)[0]).toMatchObject({ status: 'deleted', deletedAt: '2026-06-01T09:00:03.000Z' });
  });

  it('given the live model, when rebuilt from the log, then it holds the same rows', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'https://hooks.example.com/crm', events: ['Transitioned'] }, ada);
    const deliveryId = await schedule(subscription.subscriptionId, 1);
    await fail(deliveryId, 1);
    await catchUp();
    const live = projectionDigest(readModels.db, webhooksProjection());

    await rebuildProjection({ store, readModels, projection: webhooksProjection(), clock });

    expect(projectionDigest(readModels.db, webhooksProjection())).toBe(live);
    expect(deliveryOf(readModels.db, deliveryId)).toMatchObject({ status: 'pending', attempts: 1 });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore, type StoredEvent } from '@crm/event-store';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import type { Acting } from '../acting';
import { NotificationsException, NotificationsExceptionCode } from '../notifications.exception';
import { SubscriptionDirectory } from './subscription-directory';
import { deliveryStream, subscriptionStream } from './webhook.events';
import { WebhookDesk } from './webhook-desk';
import { Webhooks } from './webhooks';

const ada: Acting = { actor: { id: 'ada', roles: ['admin'] }, authorize: () => undefined };
const rita: Acting = {
  actor: { id: 'rita', roles: ['rep'] },
  authorize: () => {
    throw new IdentityException(IdentityExceptionCode.FORBIDDEN, 'webhooks are managed by admins', { rule: 'admin-only' });
  },
};
const TRACE = { commandId: 'c', causationId: 'cause', correlationId: 'correlation' };
const POLICY = { maxAttempts: 2, backoff: { initialMs: 1_000, maxMs: 10_000 }, timeoutMs: 1_000 };

describe('Webhooks: subscriptions and deliveries as events through the command loop', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let directory: string;
  let store: EventStore;
  let webhooks: Webhooks;
  let nextRecordEvent = 0;

  const recordEvent = async (type = 'Transitioned'): Promise<StoredEvent> => {
    nextRecordEvent += 1;
    const id = `00000000-0000-7000-8000-${String(nextRecordEvent).padStart(12, '0')}`;
    await store.append('opportunity-globex-1', [{ id, type, data: { recordId: 'globex-1', event: 'propose', from: 'a', to: 'b', reason: null }, metadata: { actor: 'rita' } }], 'any');
    const [stored] = await store.readAll({ from: 'start', filter: { eventTypes: [type] }, maxCount: 10_000 }).then((events) => events.filter((event) => event.id === id));
    if (stored === undefined) throw new Error('the event was not stored');
    return stored;
  };
  const deskOf = (on: EventStore = store) => new WebhookDesk({ webhooks: new Webhooks({ store: on, clock, policy: POLICY }), directory: new SubscriptionDirectory(on) });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-webhooks-'));
    store = await SqliteEventStore.open({ directory, clock });
    webhooks = new Webhooks({ store, clock, policy: POLICY });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given an admin, when subscribing, then WebhookSubscribed holds the URL, the events and a new secret, which the answer shows once', async () => {
    const made = await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'], description: 'ERP sync' }, ada);

    const [subscribed] = await store.readStream(subscriptionStream(made.subscription.subscriptionId));
    expect(made.secret).toMatch(/^whsec_/);
    expect(subscribed).toMatchObject({ type: 'WebhookSubscribed', data: { url: 'http://127.0.0.1:9/in', events: ['Transitioned'], secret: made.secret, createdBy: 'ada' } });
    expect(made.subscription).not.toHaveProperty('secret');
  });

  it('given someone the rule refuses, or a URL that is not http(s), when subscribing, then nothing is stored', async () => {
    await expect(webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, rita)).rejects.toMatchObject({ code: IdentityExceptionCode.FORBIDDEN });
    const invalid = await webhooks.subscribe({ url: 'file:///etc/passwd', events: ['Teleported'] }, ada).catch((error: unknown) => error);

    expect(invalid).toBeInstanceOf(NotificationsException);
    expect((invalid as NotificationsException).code).toBe(NotificationsExceptionCode.INVALID_WEBHOOK);
    expect((invalid as NotificationsException).details['problems']).toHaveLength(2);
    expect(await store.readAll({ from: 'start' })).toEqual([]);
  });

  it('given events before, during and after a subscription, when the desk schedules them, then only those stored while it was in force are delivered', async () => {
    const before = await recordEvent();
    const { subscription } = await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    const during = await recordEvent();
    const otherType = await recordEvent('FieldsChanged');
    await webhooks.delete(subscription.subscriptionId, ada);
    const after = await recordEvent();
    const desk = deskOf();

    const scheduled = [];
    for (const event of [before, during, otherType, after]) scheduled.push(await desk.scheduleFor(event, TRACE));

    expect(scheduled).toEqual([0, 1, 0, 0]);
    const deliveries = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } });
    expect(deliveries.map((event) => event.data['source'])).toEqual([{ eventId: during.id, stream: 'opportunity-globex-1', type: 'Transitioned' }]);
  });

  it('given an event scheduled for a subscription, when scheduled again (a redelivered event, another process), then the delivery is stored once', async () => {
    await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    const event = await recordEvent();

    await deskOf().scheduleFor(event, TRACE);
    await deskOf().scheduleFor(event, TRACE);

    expect(await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } })).toHaveLength(1);
  });

  it('given a scheduled delivery, when its body is read, then it names the delivery, the event, the record and carries the event’s data', async () => {
    const { subscription } = await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    const event = await recordEvent();
    await deskOf().scheduleFor(event, TRACE);

    const [scheduled] = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } });

    expect(JSON.parse(String(scheduled?.data['body']))).toEqual({
      deliveryId: scheduled?.data['deliveryId'],
      subscriptionId: subscription.subscriptionId,
      event: 'Transitioned',
      occurredAt: event.occurredAt,
      record: { kind: 'opportunity', id: 'globex-1' },
      actor: 'rita',
      source: { eventId: event.id, stream: 'opportunity-globex-1', revision: event.revision },
      data: event.data,
    });
  });

  it('given a due delivery and two processes, when both claim it, then one attempt is started, and its outcome is recorded once', async () => {
    await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    await deskOf().scheduleFor(await recordEvent(), TRACE);
    const [scheduled] = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } });
    const deliveryId = String(scheduled?.data['deliveryId']);
    const other = new Webhooks({ store, clock, policy: POLICY });

    const claims = await Promise.all([webhooks.claim(deliveryId, 'process-a', 5_000), other.claim(deliveryId, 'process-b', 5_000)]);
    const won = claims.filter((claim) => claim !== null);
    await webhooks.recordOutcome(deliveryId, 1, { ok: true, status: 204, durationMs: 3 });
    await other.recordOutcome(deliveryId, 1, { ok: true, status: 204, durationMs: 4 });

    expect(won).toHaveLength(1);
    expect((await store.readStream(deliveryStream(deliveryId))).map((event) => event.type)).toEqual(['WebhookDeliveryScheduled', 'WebhookAttemptStarted', 'WebhookDelivered']);
  });

  it('given a dead-lettered delivery, when an admin replays it, then it is due again; replaying a delivered one is refused', async () => {
    await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    await deskOf().scheduleFor(await recordEvent(), TRACE);
    const [scheduled] = await store.readAll({ from: 'start', filter: { eventTypes: ['WebhookDeliveryScheduled'] } });
    const deliveryId = String(scheduled?.data['deliveryId']);
    for (const attempt of [1, 2]) {
      clock.advance(60_000);
      await webhooks.claim(deliveryId, 'a', 5_000);
      await webhooks.recordOutcome(deliveryId, attempt, { ok: false, status: 500, error: null, durationMs: 1 });
    }
    expect((await webhooks.delivery(deliveryId)).status).toBe('dead');

    await expect(webhooks.replay(deliveryId, rita)).rejects.toBeInstanceOf(IdentityException);
    const replayed = await webhooks.replay(deliveryId, ada);

    expect(replayed.delivery.status).toBe('pending');
    expect(replayed.position).not.toBeNull();
    expect(await webhooks.claim(deliveryId, 'a', 5_000)).toEqual({ attempt: 3 });
    await webhooks.recordOutcome(deliveryId, 3, { ok: true, status: 200, durationMs: 1 });
    await expect(webhooks.replay(deliveryId, ada)).rejects.toMatchObject({ code: NotificationsExceptionCode.DELIVERY_NOT_REPLAYABLE });
  });

  it('given an unknown subscription or delivery, when deleted or replayed, then each is not found', async () => {
    await expect(webhooks.delete('00000000-0000-7000-8000-000000000000', ada)).rejects.toMatchObject({ code: NotificationsExceptionCode.WEBHOOK_NOT_FOUND });
    await expect(webhooks.replay('00000000-0000-7000-8000-000000000000', ada)).rejects.toMatchObject({ code: NotificationsExceptionCode.DELIVERY_NOT_FOUND });
  });

  it('given a directory caught up once, when the reactor shows it the log in order, then it answers without reading the store and places subscriptions stored and deleted meanwhile', async () => {
    const first = await recordEvent();
    let reads = 0;
    const counted: Pick<EventStore, 'readAll' | 'headPosition'> = {
      readAll: (options) => {
        reads += 1;
        return store.readAll(options);
      },
      headPosition: () => store.headPosition(),
    };
    const subscriptions = new SubscriptionDirectory(counted);
    expect(await subscriptions.activeAt(first.position)).toEqual([]);
    const readsToCatchUp = reads;

    const { subscription } = await webhooks.subscribe({ url: 'http://127.0.0.1:9/in', events: ['Transitioned'] }, ada);
    const during = await recordEvent();
    await webhooks.delete(subscription.subscriptionId, ada);
    const after = await recordEvent();
    const inOrder = (await store.readAll({ from: first.position })).filter((event) => event.position !== first.position);
    const answers: string[][] = [];
    for (const event of inOrder) {
      subscriptions.observe(event);
      answers.push((await subscriptions.activeAt(event.position)).map((entry) => entry.subscriptionId));
    }

    expect(inOrder.map((event) => event.type)).toEqual(['WebhookSubscribed', 'Transitioned', 'WebhookDeleted', 'Transitioned']);
    expect(answers).toEqual([[], [subscription.subscriptionId], [], []]);
    expect(reads).toBe(readsToCatchUp);
    // Asked out of order, it still answers from the log's positions.
    expect((await subscriptions.activeAt(during.position)).map((entry) => entry.subscriptionId)).toEqual([subscription.subscriptionId]);
    expect(await subscriptions.activeAt(after.position)).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type EventStore, type StoredEvent } from '@crm/event-store';
import { eventually } from '@crm/event-store/contract';
import { DEMO_USERS, UserDirectory } from '@crm/identity';
import { fireTimerCommandId, newCommandId, TIMER_ACTOR } from '@crm/workflow';
import { openCrmRecords, type CrmRecords } from './__fixtures__/crm-records';
import { PendingDeliveriesInLog } from './__fixtures__/pending-deliveries-in-log';
import { WebhookReceiver } from './testing/webhook-receiver';
import type { Acting } from './acting';
import { inboxStream } from './inbox/inbox.stream';
import { NotificationOutbox } from './notification-outbox';
import { verifySignature } from './webhooks/signature';

const MONDAY_NINE = '2026-03-02T09:00:00.000Z';
const users = new UserDirectory(DEMO_USERS);
const ada: Acting = { actor: { id: 'ada', roles: ['admin'] }, authorize: () => undefined };

describe('the notification outbox: reactors, inboxes, webhooks and the delivery worker as one unit', () => {
  const clock = new ManualClock(MONDAY_NINE);
  let directory: string;
  let records: CrmRecords;
  let receiver: WebhookReceiver;
  const outboxes: NotificationOutbox[] = [];
  const stores: EventStore[] = [];

  /** One "process": its own connection to the data directory, its own outbox with its own delivery worker. */
  const processOn = async (holder: string) => {
    const store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 10 });
    stores.push(store);
    const pending = new PendingDeliveriesInLog(store);
    const outbox = new NotificationOutbox({ store, clock, users: () => users, deliveries: pending, holder, reactors: { standbyPollMs: 10 } });
    outboxes.push(outbox);
    await outbox.start({ deliveryLoop: false });
    return {
      outbox,
      runDue: async () => {
        await pending.refresh();
        return outbox.deliveries.runDue();
      },
    };
  };
  const eventsOfType = async (type: string): Promise<StoredEvent[]> => records.store.readAll({ from: 'start', filter: { eventTypes: [type] }, maxCount: 10_000 });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-outbox-'));
    clock.set(MONDAY_NINE);
    records = await openCrmRecords(directory, clock, users);
    receiver = await new WebhookReceiver().listen();
  });

  afterEach(async () => {
    for (const outbox of outboxes.splice(0)) await outbox.stop();
    for (const store of stores.splice(0)) await store.close();
    await receiver.close();
    await records.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a subscription to escalations (an email gateway), when rita’s lead escalates, then max’s inbox shows it and the gateway gets it signed, with whom to tell', async () => {
    const app = await processOn('process-a');
    const { secret } = await app.outbox.webhooks.subscribe({ url: receiver.url, events: ['notification.escalation'] }, ada);
    await records.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId: 'lee', commandId: newCommandId(clock), actor: { id: 'rita', roles: ['rep'] }, fields: { name: 'Lee Industries' } });
    const timer = (await records.store.readStream('lead-lee')).find((event) => event.data['timer'] === 'escalate_uncontacted');
    clock.set('2026-03-02T13:00:00.000Z');
    const timerId = String(timer?.data['timerId']);
    await records.commands.execute({ type: 'FireTimer', kind: 'lead', recordId: 'lee', timerId, commandId: fireTimerCommandId(timerId), actor: TIMER_ACTOR });

    await eventually(async () => {
      await app.runDue();
      expect(receiver.received).toHaveLength(1);
    });

    const [queued] = await records.store.readStream(inboxStream('max'));
    const [post] = receiver.received;
    expect(post?.headers['x-crm-event']).toBe('notification.escalation');
    expect(verifySignature(post?.body ?? '', secret, String(post?.headers['x-crm-signature']))).toBe(true);
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({
      event: 'notification.escalation',
      record: { kind: 'lead', id: 'lee' },
      data: { notificationId: queued?.data['notificationId'], user: 'max', title: 'Escalation: Lee Industries (lead lee)' },
    });
  });

  it('given no subscription and records their owners open and move, when the reactors have followed, then they sent nothing and wrote nothing but their first checkpoints', async () => {
    const app = await processOn('process-a');
    const rita = { id: 'rita', roles: ['rep'] };
    for (const recordId of ['quiet-1', 'quiet-2', 'quiet-3']) {
      await records.commands.execute({ type: 'OpenRecord', kind: 'opportunity', recordId, commandId: newCommandId(clock), actor: rita, fields: { name: recordId, budget: 1, decisionMaker: 'x', timeline: '2026-09-30' } });
      await records.commands.execute({ type: 'FireTransition', kind: 'opportunity', recordId, commandId: newCommandId(clock), actor: rita, event: 'analyze_needs' });
    }
    const head = await records.store.headPosition();

    const statuses = await eventually(async () => {
      const all = await app.outbox.reactors.status();
      expect(all.map((status) => [status.reactor, status.state, status.processedThrough])).toEqual([
        ['notifications', 'active', `C:${String(head?.commit)}/P:${String(head?.prepare)}`],
        ['webhooks', 'active', `C:${String(head?.commit)}/P:${String(head?.prepare)}`],
      ]);
      return all;
    });

    expect(statuses.map((status) => status.commandsSent)).toEqual([0, 0]);
    expect(await eventsOfType('ReactorCheckpointed')).toHaveLength(2);
  });

  it('given the manual mode (an injected clock), when records change, then nothing is written until the host runs the reactors; then each notification is there once', async () => {
    const store = await SqliteEventStore.open({ directory, clock, livePollIntervalMs: 10 });
    stores.push(store);
    const manual = (holder: string) => new NotificationOutbox({ store, clock, users: () => users, deliveries: new PendingDeliveriesInLog(store), holder, mode: 'manual', reactors: { standbyPollMs: 10 } });
    const [first, second] = [manual('process-a'), manual('process-b')];
    outboxes.push(first, second);
    await first.start();
    await second.start();
    for (const recordId of ['manual-1', 'manual-2']) {
      await records.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId, commandId: newCommandId(clock), actor: { id: 'ada', roles: ['admin'] }, owner: 'rita', fields: { name: recordId } });
    }
    const head = await records.store.headPosition();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await records.store.headPosition()).toEqual(head);
    await Promise.all([first.runReactors(), second.runReactors()]);
    await first.runReactors();

    expect((await records.store.readStream(inboxStream('rita'))).map((event) => event.data['title'])).toEqual(['Assigned to you: manual-1 (lead manual-1)', 'Assigned to you: manual-2 (lead manual-2)']);
  });

  it('given two processes on one data directory, when leads are assigned to rita and both run their reactors and deliveries, then each notification and each delivery is stored once and POSTed once', async () => {
    const first = await processOn('process-a');
    const second = await processOn('process-b');
    await first.outbox.webhooks.subscribe({ url: receiver.url, events: ['RecordOpened', 'notification.owner_changed'] }, ada);
    const leads = Array.from({ length: 12 }, (_, index) => `lead-${index}`);
    for (const recordId of leads) {
      await records.commands.execute({ type: 'OpenRecord', kind: 'lead', recordId, commandId: newCommandId(clock), actor: { id: 'ada', roles: ['admin'] }, owner: 'rita', fields: { name: recordId } });
    }

    await eventually(async () => {
      await Promise.all([first.runDue(), second.runDue()]);
      expect(receiver.received).toHaveLength(24);
    });

    const notifications = await records.store.readStream(inboxStream('rita'));
    expect(notifications).toHaveLength(12);
    expect(new Set(notifications.map((event) => event.data['sourceEvent'] && JSON.stringify(event.data['sourceEvent']))).size).toBe(12);
    expect(await eventsOfType('WebhookDeliveryScheduled')).toHaveLength(24);
    expect(await eventsOfType('WebhookDelivered')).toHaveLength(24);
    expect(new Set(receiver.received.map((post) => post.headers['x-crm-delivery'])).size).toBe(24);
    const [notificationStatus, webhookStatus] = await first.outbox.reactors.status();
    expect([notificationStatus?.commandsRefused, webhookStatus?.commandsRefused]).toEqual([0, 0]);
  });
});

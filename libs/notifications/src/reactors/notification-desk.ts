import { deriveId } from '@crm/command-handler';
import type { EventStore, StoredEvent } from '@crm/event-store';
import type { UserDirectory } from '@crm/identity';
import type { CommandTrace } from '@crm/reactor-runtime';
import type { NotificationDraft } from '../inbox/inbox.stream';
import type { Inboxes, QueueOutcome } from '../inbox/inboxes';
import { notificationsFor, type NotificationPlan } from '../rules/notification-rules';
import { recordFactsOf, type RecordFacts } from '../rules/record-facts';

export interface NotificationDeskOptions {
  readonly store: Pick<EventStore, 'readStream'>;
  readonly inboxes: Inboxes;
  /** The users file as it is now (who is whose manager, who holds which role). */
  readonly users: () => UserDirectory;
}

/**
 * One id per (source event, kind, recipient), not per place in the reactor's output: a redelivered event
 * whose recipients changed meanwhile (an edited users file) still stores each person's notification once.
 */
export const notificationIdFor = (source: StoredEvent, plan: Pick<NotificationPlan, 'kind' | 'user'>): string =>
  deriveId(source.id, `notification:${plan.kind}:${plan.user}`);

const draftOf = (source: StoredEvent, facts: RecordFacts, plan: NotificationPlan): NotificationDraft => ({
  notificationId: notificationIdFor(source, plan),
  user: plan.user,
  kind: plan.kind,
  record: { kind: facts.kind, id: facts.id },
  title: plan.title,
  body: plan.body,
  sourceEvent: { id: source.id, type: source.type },
});

/**
 * Who is told what about a record event: reads the record as of the event (its stream up to that
 * revision, so a later change cannot alter who is told), plans with the notification rules and the
 * users file, and drafts each notification with an id derived from the event and its recipient.
 */
export class NotificationDesk {
  constructor(private readonly options: NotificationDeskOptions) {}

  async draftsFor(source: StoredEvent): Promise<NotificationDraft[]> {
    const history = await this.options.store.readStream(source.stream, { maxCount: source.revision + 1 });
    const facts = recordFactsOf(source.stream, history);
    return notificationsFor(source, facts, this.options.users()).map((plan) => draftOf(source, facts, plan));
  }

  /** Drafts and queues them, as the reactor does in two steps. */
  async notifyAbout(source: StoredEvent, trace: Pick<CommandTrace, 'causationId' | 'correlationId'>): Promise<QueueOutcome[]> {
    const outcomes: QueueOutcome[] = [];
    for (const draft of await this.draftsFor(source)) outcomes.push(await this.options.inboxes.queue(draft, { causationId: trace.causationId, correlationId: trace.correlationId }));
    return outcomes;
  }
}

import type { Actor } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { newCommandId, StreamCommandHandler, type CommandOutcome } from '@crm/command-handler';
import type { EventStore, Position } from '@crm/event-store';
import { actorMetadata, NOTIFICATIONS_ACTOR, type CommandCause } from '../system-actors';
import { decideAllRead, decideRead, inboxFold, inboxStream, notificationQueued, type InboxState, type NotificationDraft } from './inbox.stream';

export interface QueueOutcome {
  /** False when the notification had been queued before (a redelivered source event): nothing was stored. */
  readonly queued: boolean;
  readonly position: Position | null;
}

export interface ReadOutcome {
  /** The notifications this call marked read, in queue order; empty when they were read already. */
  readonly read: readonly string[];
  /** When they were marked; null when nothing was. */
  readonly readAt: string | null;
  readonly position: Position | null;
}

const readOutcome = (outcome: CommandOutcome<InboxState>): ReadOutcome => ({
  read: outcome.events.map((event) => String(event.data['notificationId'])),
  readAt: outcome.events[0]?.recordedAt ?? null,
  position: outcome.position,
});

/**
 * Every user's inbox is a stream (`_notifications-<user>`) written through the generic command loop
 * (README, Architecture: one command loop). Queuing is idempotent by the notification id, which the
 * notifications reactor derives from the source event and the recipient; marking read is idempotent by
 * the inbox's state. A user only ever addresses their own inbox: the stream is named after the caller.
 */
export class Inboxes {
  private readonly loop: StreamCommandHandler<InboxState>;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
  ) {
    this.loop = new StreamCommandHandler(store, inboxFold, { clock });
  }

  async queue(draft: NotificationDraft, cause: CommandCause): Promise<QueueOutcome> {
    const outcome = await this.loop.handle({
      stream: inboxStream(draft.user),
      commandId: draft.notificationId,
      authorize: () => undefined,
      authorizeReplay: () => undefined,
      decide: () => [notificationQueued(draft)],
      metadata: () => actorMetadata(NOTIFICATIONS_ACTOR, cause),
    });
    return { queued: !outcome.replayed && outcome.events.length > 0, position: outcome.position };
  }

  async markRead(user: Actor, notificationId: string): Promise<ReadOutcome> {
    return readOutcome(await this.handleOwn(user, (state) => decideRead(state, notificationId)));
  }

  async markAllRead(user: Actor): Promise<ReadOutcome> {
    return readOutcome(await this.handleOwn(user, decideAllRead));
  }

  private handleOwn(user: Actor, decide: (state: InboxState) => ReturnType<typeof decideAllRead>): Promise<CommandOutcome<InboxState>> {
    return this.loop.handle({
      stream: inboxStream(user.id),
      commandId: newCommandId(this.clock),
      authorize: () => undefined,
      authorizeReplay: () => undefined,
      decide,
      metadata: () => actorMetadata(user),
    });
  }
}

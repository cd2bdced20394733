import type { Actor } from '@crm/blueprint';

export const NOTIFICATIONS_REACTOR = 'notifications';
export const WEBHOOKS_REACTOR = 'webhooks';

/** Automation acts as `system:<what>` (README, Users, roles and rules); these name the outbox's parts. */
export const NOTIFICATIONS_ACTOR: Actor = { id: `system:reactor:${NOTIFICATIONS_REACTOR}`, roles: [] };
export const WEBHOOKS_ACTOR: Actor = { id: `system:reactor:${WEBHOOKS_REACTOR}`, roles: [] };
export const DELIVERY_ACTOR: Actor = { id: 'system:webhook-delivery', roles: [] };

/** Where a command came from and what it answers to, on every event it stores. */
export interface CommandCause {
  readonly causationId?: string;
  readonly correlationId?: string;
}

export const actorMetadata = (actor: Actor, cause: CommandCause = {}): { [key: string]: string | string[] } => ({
  actor: actor.id,
  roles: [...actor.roles],
  ...(cause.causationId === undefined ? {} : { causationId: cause.causationId }),
  ...(cause.correlationId === undefined ? {} : { correlationId: cause.correlationId }),
});

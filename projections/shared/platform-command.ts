import type { Actor } from '@crm/blueprint';
import type { JsonObject } from '@crm/event-store';
import type { CommandOrigin } from '@crm/workflow';

/**
 * Who takes a platform action that is stored as events (a quota, a forecast snapshot), where from, and
 * the access policy judging it. The command loop calls `authorize` inside the stream's lock, as it does
 * for records (README, Users, roles and rules).
 */
export interface PlatformCommandEnvelope {
  readonly actor: Actor;
  readonly origin?: CommandOrigin;
  /** Throws to refuse. */
  authorize(): void;
}

/** Who and from where, on every event of the command; the loop adds the command id. */
export const platformEventMetadata = ({ actor, origin }: PlatformCommandEnvelope): JsonObject => ({
  actor: actor.id,
  roles: [...actor.roles],
  ...(origin === undefined ? {} : { origin: origin.osUser === undefined ? { via: origin.via } : { via: origin.via, osUser: origin.osUser } }),
});

import type { Actor } from '@crm/blueprint';

/** Who takes an action that is stored as events, and the rule judging it (README, Users, roles and rules). */
export interface Acting {
  readonly actor: Actor;
  /** Judged inside the stream's lock, like the record rules; throws to refuse. */
  authorize(): void;
}

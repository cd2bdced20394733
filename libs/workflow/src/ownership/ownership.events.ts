import type { EventSchema } from '@crm/event-store';

interface OwnerChangedBase {
  readonly recordId: string;
  readonly from: string | null;
  /** Why, when not a person's choice (e.g. returned to the pool by a timer). */
  readonly reason?: string;
  /** The assignment rule that chose the new owner (README, Assignment rules). */
  readonly rule?: string;
}

/** Given to someone. */
interface GivenTo extends OwnerChangedBase {
  readonly to: string;
}

/** Returned to the pool: whose pool, the team of the owner it left (null: everyone's). */
interface ReturnedToPool extends OwnerChangedBase {
  readonly to: null;
  readonly team: string | null;
}

export interface OwnerChanged {
  readonly type: 'OwnerChanged';
  readonly data: GivenTo | ReturnedToPool;
}

/**
 * Schema version 2: a return to the pool always names its pool (`team`). Returns stored at version 1
 * (by Reassign to nobody, before lead pools existed) named none: they went to everyone's pool.
 */
export const ownerChangedSchema: EventSchema = {
  version: 2,
  upcasters: {
    1: (data) => (data['to'] === null && !('team' in data) ? { ...data, team: null } : data),
  },
};

export type OwnershipEvent = OwnerChanged;

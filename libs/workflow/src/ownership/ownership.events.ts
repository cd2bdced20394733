export interface OwnerChanged {
  readonly type: 'OwnerChanged';
  readonly data: {
    readonly recordId: string;
    readonly from: string | null;
    readonly to: string | null;
    /** Why, when not a person's choice (e.g. returned to the pool by a timer). */
    readonly reason?: string;
    /** The assignment rule that chose the new owner (README, Assignment rules). */
    readonly rule?: string;
    /** When returned to the pool (`to` null): whose pool, the team of the owner it left (null: none). */
    readonly team?: string | null;
  };
}

export type OwnershipEvent = OwnerChanged;

export interface OwnerChanged {
  readonly type: 'OwnerChanged';
  readonly data: {
    readonly recordId: string;
    readonly from: string | null;
    readonly to: string | null;
    /** Why, when not a person's choice (e.g. returned to the pool by a timer). */
    readonly reason?: string;
  };
}

export type OwnershipEvent = OwnerChanged;

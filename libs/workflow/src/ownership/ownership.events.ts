export interface OwnerChanged {
  readonly type: 'OwnerChanged';
  readonly data: {
    readonly recordId: string;
    readonly from: string | null;
    readonly to: string | null;
  };
}

export type OwnershipEvent = OwnerChanged;

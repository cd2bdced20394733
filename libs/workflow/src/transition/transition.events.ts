export interface Transitioned {
  readonly type: 'Transitioned';
  readonly data: {
    readonly recordId: string;
    readonly event: string;
    readonly from: string;
    readonly to: string;
    readonly reason: string | null;
  };
}

export type TransitionEvent = Transitioned;

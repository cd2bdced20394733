import type { Actor, ApprovalMode } from '@crm/blueprint';

export interface ApprovalRequested {
  readonly type: 'ApprovalRequested';
  readonly data: {
    readonly recordId: string;
    readonly approvalId: string;
    /** The transition waiting for approval. */
    readonly event: string;
    readonly requestedBy: Actor;
    readonly mode: ApprovalMode;
    /** The steps the record's fields made necessary when requested. */
    readonly steps: readonly { readonly title: string; readonly role?: string; readonly user?: string }[];
    /** Fields the chain's conditions read; changing one invalidates the request. */
    readonly watches: readonly string[];
  };
}

export interface ApprovalGranted {
  readonly type: 'ApprovalGranted';
  readonly data: { readonly recordId: string; readonly approvalId: string; readonly step: number; readonly by: string; readonly comment: string | null };
}

export interface ApprovalRejected {
  readonly type: 'ApprovalRejected';
  readonly data: { readonly recordId: string; readonly approvalId: string; readonly step: number; readonly by: string; readonly reason: string };
}

export interface ApprovalInvalidated {
  readonly type: 'ApprovalInvalidated';
  readonly data: {
    readonly recordId: string;
    readonly approvalId: string;
    readonly reason: 'fields_changed' | 'stage_left';
    /** fields_changed: the watched fields that changed. */
    readonly fields: readonly string[];
  };
}

export type ApprovalEvent = ApprovalRequested | ApprovalGranted | ApprovalRejected | ApprovalInvalidated;

import type { RecordCommandBase } from '../record/record-command';

export interface GrantApproval extends RecordCommandBase {
  readonly type: 'GrantApproval';
  readonly recordId: string;
  readonly approvalId: string;
  readonly comment?: string;
}

export interface RejectApproval extends RecordCommandBase {
  readonly type: 'RejectApproval';
  readonly recordId: string;
  readonly approvalId: string;
  readonly reason: string;
}

export type ApprovalCommand = GrantApproval | RejectApproval;

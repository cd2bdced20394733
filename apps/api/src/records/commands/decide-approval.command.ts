import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordWriteResult } from '../record-view';

/** An approver grants (with an optional comment) or rejects (with a reason) one step of a chain. */
export type ApprovalDecision = { readonly kind: 'grant'; readonly comment?: string } | { readonly kind: 'reject'; readonly reason: string };

export class DecideApprovalCommand extends Command<RecordWriteResult> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly approvalId: string,
    readonly decision: ApprovalDecision,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

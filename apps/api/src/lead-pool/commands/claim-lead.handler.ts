import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { LeadAssignment } from '@crm/assignment';
import { LEAD_ASSIGNMENT } from '../../api.tokens';
import { RecordDesk } from '../../records/record-desk';
import type { RecordWriteResult } from '../../records/record-view';
import { ClaimLeadCommand } from './claim-lead.command';

/** A claim counts the leads the claimer holds (the records read model at the log's head) for the pool's cap. */
@CommandHandler(ClaimLeadCommand)
export class ClaimLeadHandler implements ICommandHandler<ClaimLeadCommand> {
  constructor(
    private readonly desk: RecordDesk,
    @Inject(LEAD_ASSIGNMENT) private readonly assignment: LeadAssignment,
  ) {}

  async execute({ user, kind, id, request, idempotencyKey }: ClaimLeadCommand): Promise<RecordWriteResult> {
    const result = await this.assignment.claims.claim(user, id, {
      kind,
      commandId: this.desk.commandId(user, idempotencyKey),
      expectedRevision: request.expectedRevision,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}

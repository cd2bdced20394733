import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { LeadAssignment } from '@crm/assignment';
import { LEAD_ASSIGNMENT } from '../../api.tokens';
import { RecordDesk } from '../../records/record-desk';
import type { RecordWriteResult } from '../../records/record-view';
import { ReleaseLeadCommand } from './release-lead.command';

@CommandHandler(ReleaseLeadCommand)
export class ReleaseLeadHandler implements ICommandHandler<ReleaseLeadCommand> {
  constructor(
    private readonly desk: RecordDesk,
    @Inject(LEAD_ASSIGNMENT) private readonly assignment: LeadAssignment,
  ) {}

  async execute({ user, kind, id, request, idempotencyKey }: ReleaseLeadCommand): Promise<RecordWriteResult> {
    const result = await this.assignment.claims.release(user, id, request.reason, {
      kind,
      commandId: this.desk.commandId(user, idempotencyKey),
      expectedRevision: request.expectedRevision,
      origin: { via: 'api' },
    });
    return this.desk.answer(user, result);
  }
}

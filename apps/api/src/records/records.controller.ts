import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query as QueryParams, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { RecordPage } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { AdvanceRecordCommand } from './commands/advance-record.command';
import { CompleteTaskCommand } from './commands/complete-task.command';
import { DecideApprovalCommand } from './commands/decide-approval.command';
import { OpenRecordCommand } from './commands/open-record.command';
import { ReassignRecordCommand } from './commands/reassign-record.command';
import { UpdateRecordFieldsCommand } from './commands/update-record-fields.command';
import { GetRecordQuery } from './queries/get-record.query';
import { ListRecordsQuery } from './queries/list-records.query';
import { RecordHistoryQuery, type RecordHistory } from './queries/record-history.query';
import { RecordHistoryResponse, RecordWriteResultResponse } from './dto/record-event.response';
import { RecordPageResponse, RecordViewResponse } from './dto/record.response';
import {
  CompleteTaskRequest,
  FireTransitionRequest,
  GrantApprovalRequest,
  ListRecordsRequest,
  OpenRecordRequest,
  ReassignRequest,
  RejectApprovalRequest,
  UpdateFieldsRequest,
} from './record-requests.dto';
import type { RecordView, RecordWriteResult } from './record-view';
import { ApiIdempotencyKey, ApiRecordWrite } from '../http/record-write.decorators';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class RecordsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':kind')
  @ApiOperation({ summary: 'Open a record in its blueprint’s initial stage' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: RecordWriteResultResponse, description: 'Opened (or the first answer, for a retried Idempotency-Key)' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413, 414, 415, 422, 503)
  open(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Body() request: OpenRecordRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new OpenRecordCommand(user, kind, request, idempotencyKey));
  }

  @Get(':kind')
  @ApiOperation({
    summary: 'List records of a kind from the records read model: filters, as of a business time, paginated by cursor',
    description:
      'Lists what the user may read: a rep their own records and the unowned leads, a manager their team\'s and unowned records, analysts, process owners and admins everything. Eventually consistent: a write shows within a second.',
  })
  @ApiOkResponse({ type: RecordPageResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  list(@Param('kind') kind: string, @QueryParams() request: ListRecordsRequest, @CurrentUser() user: User): Promise<RecordPage> {
    return this.queries.execute(new ListRecordsQuery(kind, request, user));
  }

  @Get(':kind/:id')
  @ApiOperation({ summary: 'A record with every possible next event, allowed or not, and what blocks it' })
  @ApiOkResponse({ type: RecordViewResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  get(@CurrentUser() user: User, @Param('kind') kind: string, @Param('id') id: string): Promise<RecordView> {
    return this.queries.execute(new GetRecordQuery(user, kind, id));
  }

  @Patch(':kind/:id')
  @ApiOperation({ summary: 'Change field values' })
  @ApiRecordWrite()
  update(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: UpdateFieldsRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new UpdateRecordFieldsCommand(user, kind, id, request, idempotencyKey));
  }

  @Post(':kind/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fire a transition; 422 lists every unmet exit criterion',
    description: 'When the transition needs approvers, the answer is 202: the ApprovalRequested event and the record with the pending approval; the transition fires when the chain completes.',
  })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: RecordWriteResultResponse })
  @ApiResponse({ status: 202, type: RecordWriteResultResponse, description: 'Approvers were asked (ApprovalRequested); the transition fires when the chain completes' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413, 414, 415, 422, 503)
  async advance(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: FireTransitionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    const result = await this.commands.execute(new AdvanceRecordCommand(user, kind, id, request, idempotencyKey));
    // Accepted, not done: the record waits for its approvers.
    if (result.events.some((event) => event.type === 'ApprovalRequested')) void reply.status(202);
    return result;
  }

  @Post(':kind/:id/tasks/:taskId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a task of the record done (the owner, or whoever may change the record)' })
  @ApiRecordWrite()
  completeTask(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Param('taskId') taskId: string,
    @Body() request: CompleteTaskRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new CompleteTaskCommand(user, kind, id, taskId, request, idempotencyKey));
  }

  @Post(':kind/:id/approvals/:approvalId/grant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant your step of an approval chain; the last grant fires the transition (403 for your own request or another approver’s step)' })
  @ApiRecordWrite()
  grantApproval(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Param('approvalId') approvalId: string,
    @Body() request: GrantApprovalRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new DecideApprovalCommand(user, kind, id, approvalId, { kind: 'grant', comment: request.comment }, idempotencyKey));
  }

  @Post(':kind/:id/approvals/:approvalId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the approval with a reason; the record stays in its stage' })
  @ApiRecordWrite()
  rejectApproval(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Param('approvalId') approvalId: string,
    @Body() request: RejectApprovalRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new DecideApprovalCommand(user, kind, id, approvalId, { kind: 'reject', reason: request.reason }, idempotencyKey));
  }

  @Post(':kind/:id/owner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign the record (managers; reps may claim unowned leads)' })
  @ApiRecordWrite()
  reassign(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: ReassignRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new ReassignRecordCommand(user, kind, id, request, idempotencyKey));
  }

  @Get(':kind/:id/history')
  @ApiOperation({ summary: 'The record’s events with their metadata (who, when, why)' })
  @ApiOkResponse({ type: RecordHistoryResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  history(@CurrentUser() user: User, @Param('kind') kind: string, @Param('id') id: string): Promise<RecordHistory> {
    return this.queries.execute(new RecordHistoryQuery(user, kind, id));
  }
}

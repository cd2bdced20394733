import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { RecordPage } from '@crm/projections';
import { CurrentUser } from '../identity/current-user.decorator';
import { AdvanceRecordCommand } from './commands/advance-record.command';
import { OpenRecordCommand } from './commands/open-record.command';
import { ReassignRecordCommand } from './commands/reassign-record.command';
import { UpdateRecordFieldsCommand } from './commands/update-record-fields.command';
import { GetRecordQuery } from './queries/get-record.query';
import { ListRecordsQuery } from './queries/list-records.query';
import { RecordHistoryQuery, type RecordHistory } from './queries/record-history.query';
import { FireTransitionRequest, ListRecordsRequest, OpenRecordRequest, ReassignRequest, UpdateFieldsRequest } from './record-requests.dto';
import type { RecordView, RecordWriteResult } from './record-view';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key store nothing new and get the first answer' };

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
  @ApiHeader(IDEMPOTENCY)
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
  list(@Param('kind') kind: string, @QueryParams() request: ListRecordsRequest, @CurrentUser() user: User): Promise<RecordPage> {
    return this.queries.execute(new ListRecordsQuery(kind, request, user));
  }

  @Get(':kind/:id')
  @ApiOperation({ summary: 'A record with every possible next event, allowed or not, and what blocks it' })
  get(@CurrentUser() user: User, @Param('kind') kind: string, @Param('id') id: string): Promise<RecordView> {
    return this.queries.execute(new GetRecordQuery(user, kind, id));
  }

  @Patch(':kind/:id')
  @ApiOperation({ summary: 'Change field values' })
  @ApiHeader(IDEMPOTENCY)
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
  @ApiOperation({ summary: 'Fire a transition; 422 lists every unmet exit criterion' })
  @ApiHeader(IDEMPOTENCY)
  advance(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: FireTransitionRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new AdvanceRecordCommand(user, kind, id, request, idempotencyKey));
  }

  @Post(':kind/:id/owner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reassign the record (managers; reps may claim unowned leads)' })
  @ApiHeader(IDEMPOTENCY)
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
  history(@CurrentUser() user: User, @Param('kind') kind: string, @Param('id') id: string): Promise<RecordHistory> {
    return this.queries.execute(new RecordHistoryQuery(user, kind, id));
  }
}

import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { RecordWriteResultResponse } from '../records/dto/record-event.response';
import type { RecordWriteResult } from '../records/record-view';
import { RecordActivityCommand } from './commands/record-activity.command';
import { RecordActivityRequest } from './record-activity-request.dto';
import { ApiIdempotencyKey } from '../http/record-write.decorators';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class ActivitiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':kind/:id/activities')
  @ApiOperation({
    summary: 'Record an activity of the record (an email opened, a demo requested): ActivityRecorded, and ScoreChanged naming the rule and its points',
    description:
      'The type must be one of the blueprint’s behaviour rules (400 UNKNOWN_ACTIVITY lists them). Whoever may change the record may record its activities. A score that crosses a threshold fires its transition shortly after, by the lead-scoring reactor, through the same guards.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: RecordWriteResultResponse, description: 'Recorded (or the first answer, for a retried Idempotency-Key)' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413, 414, 415, 422, 503)
  record(
    @CurrentUser() user: User,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Body() request: RecordActivityRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RecordWriteResult> {
    return this.commands.execute(new RecordActivityCommand(user, kind, id, request, idempotencyKey));
  }
}

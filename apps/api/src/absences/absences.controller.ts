import { Body, Controller, Delete, Get, Headers, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Absence } from '@crm/assignment';
import type { User } from '@crm/identity';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { DeclareAbsenceRequest } from './absence-requests.dto';
import { CancelAbsenceCommand } from './commands/cancel-absence.command';
import { DeclareAbsenceCommand } from './commands/declare-absence.command';
import { AbsenceListResponse, AbsenceResponse } from './dto/absence.response';
import { ListAbsencesQuery } from './queries/list-absences.query';
import { ApiIdempotencyKey } from '../http/record-write.decorators';

/**
 * A rep's absences (README, Assignment rules: absences): the assignment rules skip an absent rep. The user
 * themself, their team's manager or an admin records them; analysts and process owners may read them.
 */
@ApiTags('assignment')
@ApiBearerAuth()
@Controller('users/:user/absences')
export class AbsencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record that a user is away between two moments (AbsenceDeclared); no lead is assigned to them meanwhile' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: AbsenceResponse })
  @ApiErrorResponses(400, 401, 403, 404, 413, 415, 422, 503)
  declare(
    @CurrentUser() user: User,
    @Param('user') absentUser: string,
    @Body() request: DeclareAbsenceRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<Absence> {
    return this.commands.execute(new DeclareAbsenceCommand(user, absentUser, request, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: 'The user’s absences in force' })
  @ApiOkResponse({ type: AbsenceListResponse })
  @ApiErrorResponses(400, 401, 403, 404, 503)
  list(@CurrentUser() user: User, @Param('user') absentUser: string): Promise<{ readonly absences: Absence[] }> {
    return this.queries.execute(new ListAbsencesQuery(user, absentUser));
  }

  @Delete(':absenceId')
  @ApiOperation({ summary: 'Cancel an absence (AbsenceCancelled); answers the absences still in force. Cancelling it again changes nothing' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AbsenceListResponse })
  @ApiErrorResponses(400, 401, 403, 404, 422, 503)
  cancel(
    @CurrentUser() user: User,
    @Param('user') absentUser: string,
    @Param('absenceId') absenceId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<{ readonly absences: Absence[] }> {
    return this.commands.execute(new CancelAbsenceCommand(user, absentUser, absenceId, idempotencyKey));
  }
}

import { Controller, Get, HttpCode, Param, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { NotificationPage } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { MarkNotificationsReadCommand, type NotificationsRead } from './commands/mark-notifications-read.command';
import { NotificationPageResponse, NotificationsReadResponse } from './dto/notifications.response';
import { ListNotificationsRequest } from './notification-requests.dto';
import { ListNotificationsQuery } from './queries/list-notifications.query';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your notifications, newest first: reminders, escalations, approvals asked and decided, tasks and records given to you, stalled records',
    description: 'Only your own. From the notifications read model: a notification shows within a second of its cause.',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrorResponses(400, 401, 503)
  list(@CurrentUser() user: User, @QueryParams() request: ListNotificationsRequest): Promise<NotificationPage> {
    return this.queries.execute(new ListNotificationsQuery(user, request));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every unread notification of yours read' })
  @ApiOkResponse({ type: NotificationsReadResponse })
  @ApiErrorResponses(400, 401, 503)
  readAll(@CurrentUser() user: User): Promise<NotificationsRead> {
    return this.commands.execute(new MarkNotificationsReadCommand(user, null));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read; marking it again changes nothing', description: 'Another user’s notification is not found (404).' })
  @ApiOkResponse({ type: NotificationsReadResponse })
  @ApiErrorResponses(400, 401, 404, 414, 503)
  read(@CurrentUser() user: User, @Param('id') id: string): Promise<NotificationsRead> {
    return this.commands.execute(new MarkNotificationsReadCommand(user, id));
  }
}

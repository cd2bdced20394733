import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { User } from '@crm/identity';
import type { WebhookSubscription } from '@crm/notifications';
import type { DeliveryPage, SubscriptionItem } from '@crm/projections';
import { ApiErrorResponses } from '../http/dto/error.response';
import { CurrentUser } from '../identity/current-user.decorator';
import { CreateWebhookCommand, type CreatedWebhook } from './commands/create-webhook.command';
import { DeleteWebhookCommand } from './commands/delete-webhook.command';
import { ReplayDeliveryCommand, type ReplayedDelivery } from './commands/replay-delivery.command';
import {
  CreatedWebhookResponse,
  ReplayedDeliveryResponse,
  WebhookDeliveryPageResponse,
  WebhookSubscriptionChangeResponse,
  WebhookSubscriptionListResponse,
} from './dto/webhooks.response';
import { ListDeliveriesQuery } from './queries/list-deliveries.query';
import { ListWebhooksQuery } from './queries/list-webhooks.query';
import { CreateWebhookRequest, ListDeadLettersRequest, ListDeliveriesRequest } from './webhook-requests.dto';

const ADMINS_ONLY = 'Admins only (rule admin-only).';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to record events and notifications; the answer holds the signing secret, shown this once',
    description: `${ADMINS_ONLY} Events stored from now on that it names are POSTed, signed with X-CRM-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>.`,
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiErrorResponses(400, 401, 403, 413, 415, 503)
  create(@CurrentUser() user: User, @Body() request: CreateWebhookRequest): Promise<CreatedWebhook> {
    return this.commands.execute(new CreateWebhookCommand(user, request));
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription with its deliveries counted by status; never a secret', description: ADMINS_ONLY })
  @ApiOkResponse({ type: WebhookSubscriptionListResponse })
  @ApiErrorResponses(400, 401, 403, 503)
  list(@CurrentUser() user: User): Promise<{ readonly items: readonly SubscriptionItem[] }> {
    return this.queries.execute(new ListWebhooksQuery(user));
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Deliveries whose every attempt failed, newest first; replay them with POST /webhooks/deliveries/:id/replay', description: ADMINS_ONLY })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiErrorResponses(400, 401, 403, 503)
  deadLetters(@CurrentUser() user: User, @QueryParams() request: ListDeadLettersRequest): Promise<DeliveryPage> {
    return this.queries.execute(new ListDeliveriesQuery(user, null, { ...request, status: 'dead' }));
  }

  @Post('deliveries/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead letter again: a new series of attempts, the first due now', description: `${ADMINS_ONLY} 409 unless it is a dead letter.` })
  @ApiResponse({ status: 202, type: ReplayedDeliveryResponse, description: 'Due again; the delivery worker sends it' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 414, 503)
  replay(@CurrentUser() user: User, @Param('id') id: string): Promise<ReplayedDelivery> {
    return this.commands.execute(new ReplayDeliveryCommand(user, id));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a subscription: nothing more is delivered to it; deleting again changes nothing', description: ADMINS_ONLY })
  @ApiOkResponse({ type: WebhookSubscriptionChangeResponse })
  @ApiErrorResponses(400, 401, 403, 404, 414, 503)
  delete(@CurrentUser() user: User, @Param('id') id: string): Promise<{ readonly subscription: WebhookSubscription }> {
    return this.commands.execute(new DeleteWebhookCommand(user, id));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of a subscription, newest first: each delivery with every attempt, its status, error and next due time', description: ADMINS_ONLY })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiErrorResponses(400, 401, 403, 404, 414, 503)
  deliveries(@CurrentUser() user: User, @Param('id') id: string, @QueryParams() request: ListDeliveriesRequest): Promise<DeliveryPage> {
    return this.queries.execute(new ListDeliveriesQuery(user, id, request));
  }
}

import type { DynamicModule } from '@nestjs/common';
import type { NotificationOutbox } from '@crm/notifications';
import { CreateWebhookHandler } from '../webhooks/commands/create-webhook.handler';
import { DeleteWebhookHandler } from '../webhooks/commands/delete-webhook.handler';
import { ReplayDeliveryHandler } from '../webhooks/commands/replay-delivery.handler';
import { ListDeliveriesHandler } from '../webhooks/queries/list-deliveries.handler';
import { ListWebhooksHandler } from '../webhooks/queries/list-webhooks.handler';
import { WebhooksController } from '../webhooks/webhooks.controller';
import { MarkNotificationsReadHandler } from './commands/mark-notifications-read.handler';
import { NOTIFICATION_OUTBOX } from './notification-outbox.token';
import { NotificationsController } from './notifications.controller';
import { ListNotificationsHandler } from './queries/list-notifications.handler';

const HANDLERS = [MarkNotificationsReadHandler, ListNotificationsHandler, CreateWebhookHandler, DeleteWebhookHandler, ReplayDeliveryHandler, ListWebhooksHandler, ListDeliveriesHandler];

/**
 * `module` (the API's root) with the notification and webhook routes and their handlers beside its own,
 * so they inject the engine's parts the root provides, and the outbox opened before Nest starts.
 */
export const withNotificationOutbox = (module: DynamicModule, outbox: NotificationOutbox): DynamicModule => ({
  ...module,
  controllers: [...(module.controllers ?? []), NotificationsController, WebhooksController],
  providers: [...(module.providers ?? []), { provide: NOTIFICATION_OUTBOX, useValue: outbox }, ...HANDLERS],
});

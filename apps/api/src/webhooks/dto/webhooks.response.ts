import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { WebhookSubscription } from '@crm/notifications';
import type { AttemptItem, DeliveryItem, DeliveryPage, DeliveryStatusName, SubscriptionItem } from '@crm/projections';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, TextListProperty, TextProperty } from '../../http/dto/schema-properties';
import type { CreatedWebhook } from '../commands/create-webhook.command';
import type { ReplayedDelivery } from '../commands/replay-delivery.command';

const DELIVERY_STATUS_DOC = { enum: ['pending', 'delivered', 'dead', 'cancelled'], description: 'pending: an attempt is due or under way; dead: every attempt of its series failed (a dead letter); cancelled: its subscription was deleted' } as const;

@ApiSchema({ name: 'WebhookSubscription', description: 'A webhook subscription; its secret is never shown again after it is made' })
export class WebhookSubscriptionResponse implements WebhookSubscription {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly subscriptionId!: string;

  @TextProperty('Where deliveries are POSTed')
  readonly url!: string;

  @TextListProperty('Record event types and notification.<kind> names it delivers')
  readonly events!: readonly string[];

  @NullableTextProperty('What it is for')
  readonly description!: string | null;

  @TextProperty('The admin who made it')
  readonly createdBy!: string;

  @DateTimeProperty('When it was made', { nullable: true })
  readonly createdAt!: string | null;

  @ApiProperty({ enum: ['active', 'deleted'] })
  readonly status!: 'active' | 'deleted';

  @DateTimeProperty('When it was deleted; null while active', { nullable: true })
  readonly deletedAt!: string | null;
}

@ApiSchema({ name: 'CreatedWebhook', description: 'The new subscription and its secret, shown this once' })
export class CreatedWebhookResponse implements CreatedWebhook {
  @ApiProperty({ type: () => WebhookSubscriptionResponse })
  readonly subscription!: WebhookSubscriptionResponse;

  @TextProperty('The HMAC-SHA256 key of X-CRM-Signature; keep it, it is never answered again', { example: 'whsec_3q2-7wEXAMPLE' })
  readonly secret!: string;
}

@ApiSchema({ name: 'WebhookSubscriptionChange', description: 'The subscription after the change' })
export class WebhookSubscriptionChangeResponse {
  @ApiProperty({ type: () => WebhookSubscriptionResponse })
  readonly subscription!: WebhookSubscriptionResponse;
}

@ApiSchema({ name: 'WebhookDeliveryCounts', description: 'A subscription’s deliveries by status' })
export class WebhookDeliveryCountsResponse implements Record<DeliveryStatusName, number> {
  @IntegerProperty('Due or under way', { minimum: 0 })
  readonly pending!: number;

  @IntegerProperty('Delivered', { minimum: 0 })
  readonly delivered!: number;

  @IntegerProperty('Dead letters', { minimum: 0 })
  readonly dead!: number;

  @IntegerProperty('Cancelled with their subscription', { minimum: 0 })
  readonly cancelled!: number;
}

@ApiSchema({ name: 'WebhookSubscriptionListItem', description: 'A subscription with its deliveries counted' })
export class WebhookSubscriptionListItemResponse implements SubscriptionItem {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly subscriptionId!: string;

  @TextProperty('Where deliveries are POSTed')
  readonly url!: string;

  @TextListProperty('Record event types and notification.<kind> names it delivers')
  readonly events!: readonly string[];

  @NullableTextProperty('What it is for')
  readonly description!: string | null;

  @TextProperty('The admin who made it')
  readonly createdBy!: string;

  @DateTimeProperty('When it was made')
  readonly createdAt!: string;

  @ApiProperty({ enum: ['active', 'deleted'] })
  readonly status!: 'active' | 'deleted';

  @DateTimeProperty('When it was deleted; null while active', { nullable: true })
  readonly deletedAt!: string | null;

  @ApiProperty({ type: () => WebhookDeliveryCountsResponse })
  readonly deliveries!: WebhookDeliveryCountsResponse;
}

@ApiSchema({ name: 'WebhookSubscriptionList', description: 'Every subscription, oldest first' })
export class WebhookSubscriptionListResponse {
  @ApiProperty({ type: () => [WebhookSubscriptionListItemResponse] })
  readonly items!: readonly WebhookSubscriptionListItemResponse[];
}

@ApiSchema({ name: 'WebhookAttempt', description: 'One attempt of a delivery' })
export class WebhookAttemptResponse implements AttemptItem {
  @IntegerProperty('1 for the first; numbered on across replays', { minimum: 1 })
  readonly attempt!: number;

  @DateTimeProperty('When it was started')
  readonly startedAt!: string;

  @DateTimeProperty('When its outcome was recorded; null while under way', { nullable: true })
  readonly finishedAt!: string | null;

  @ApiProperty({ enum: ['delivered', 'failed'], nullable: true, description: 'null while under way' })
  readonly outcome!: 'delivered' | 'failed' | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The receiver’s HTTP status; null without an answer' })
  readonly status!: number | null;

  @NullableTextProperty('Why there was no answer (ECONNREFUSED, timed out after 10000 ms) or a redirect not followed')
  readonly error!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'How long the request took, ms' })
  readonly durationMs!: number | null;

  @DateTimeProperty('Failed: when the next attempt is due; null after the last of its series', { nullable: true })
  readonly nextAttemptAt!: string | null;
}

@ApiSchema({ name: 'WebhookDeliverySource', description: 'The event a delivery carries' })
export class WebhookDeliverySourceResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly eventId!: string;

  @TextProperty('Its stream')
  readonly stream!: string;

  @TextProperty('Its type')
  readonly type!: string;
}

@ApiSchema({ name: 'WebhookDelivery', description: 'One delivery with every attempt' })
export class WebhookDeliveryResponse implements DeliveryItem {
  @ApiProperty({ type: String, format: 'uuid', description: 'Also sent as X-CRM-Delivery' })
  readonly deliveryId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly subscriptionId!: string;

  @TextProperty('What X-CRM-Event says', { example: 'Transitioned' })
  readonly event!: string;

  @ApiProperty({ type: () => WebhookDeliverySourceResponse })
  readonly source!: WebhookDeliverySourceResponse;

  @ApiProperty(DELIVERY_STATUS_DOC)
  readonly status!: DeliveryStatusName;

  @IntegerProperty('Attempts whose outcome is recorded', { minimum: 0 })
  readonly attempts!: number;

  @DateTimeProperty('Pending: when the next attempt is due', { nullable: true })
  readonly nextAttemptAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The last answer’s HTTP status' })
  readonly lastStatus!: number | null;

  @NullableTextProperty('Why the last attempt failed')
  readonly lastError!: string | null;

  @DateTimeProperty('When it was scheduled')
  readonly scheduledAt!: string;

  @DateTimeProperty('When it was delivered', { nullable: true })
  readonly deliveredAt!: string | null;

  @DateTimeProperty('When it was dead-lettered; null unless it is a dead letter now', { nullable: true })
  readonly deadLetteredAt!: string | null;

  @ApiProperty({ type: () => [WebhookAttemptResponse] })
  readonly attemptLog!: readonly WebhookAttemptResponse[];
}

@ApiSchema({ name: 'WebhookDeliveryPage', description: 'One page of deliveries, newest first' })
export class WebhookDeliveryPageResponse implements DeliveryPage {
  @ApiProperty({ type: () => [WebhookDeliveryResponse] })
  readonly items!: readonly WebhookDeliveryResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;
}

@ApiSchema({ name: 'ReplayedDelivery', description: 'A dead letter due again: a new series of attempts' })
export class ReplayedDeliveryResponse implements ReplayedDelivery {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly deliveryId!: string;

  @ApiProperty({ enum: ['pending'] })
  readonly status!: 'pending';

  @IntegerProperty('Attempts so far; the next is numbered on', { minimum: 0 })
  readonly attempts!: number;

  @DateTimeProperty('When the first attempt of the new series is due (now)')
  readonly nextAttemptAt!: string;
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@crm/notifications';
import type { NotificationItem, NotificationPage } from '@crm/projections';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, TextProperty } from '../../http/dto/schema-properties';
import type { NotificationsRead } from '../commands/mark-notifications-read.command';

@ApiSchema({ name: 'NotificationRecord', description: 'The record a notification is about' })
export class NotificationRecordResponse {
  @TextProperty('Record kind', { example: 'lead' })
  readonly kind!: string;

  @TextProperty('Record id', { example: 'lee' })
  readonly id!: string;
}

@ApiSchema({ name: 'NotificationSource', description: 'The event that caused the notification' })
export class NotificationSourceResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id!: string;

  @TextProperty('Its type', { example: 'TimerFired' })
  readonly type!: string;
}

@ApiSchema({ name: 'Notification', description: 'One notification of the caller’s inbox' })
export class NotificationItemResponse implements NotificationItem {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly notificationId!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'What it is about: reminder, escalation, approval_requested, approval_granted, approval_rejected, task_assigned, record_stalled, owner_changed' })
  readonly kind!: NotificationKind;

  @ApiProperty({ type: () => NotificationRecordResponse })
  readonly record!: NotificationRecordResponse;

  @TextProperty('One line, e.g. "Escalation: Lee Industries (lead lee)"')
  readonly title!: string;

  @TextProperty('What happened, for a person')
  readonly body!: string;

  @ApiProperty({ type: () => NotificationSourceResponse })
  readonly sourceEvent!: NotificationSourceResponse;

  @DateTimeProperty('When it was queued')
  readonly queuedAt!: string;

  @DateTimeProperty('When the user marked it read; null while unread', { nullable: true })
  readonly readAt!: string | null;
}

@ApiSchema({ name: 'NotificationPage', description: 'One page of the caller’s notifications, newest first' })
export class NotificationPageResponse implements NotificationPage {
  @ApiProperty({ type: () => [NotificationItemResponse] })
  readonly items!: readonly NotificationItemResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;

  @IntegerProperty('How many of the caller’s notifications are unread', { minimum: 0 })
  readonly unread!: number;
}

@ApiSchema({ name: 'NotificationsRead', description: 'What marking read changed' })
export class NotificationsReadResponse implements NotificationsRead {
  @ApiProperty({ type: [String], description: 'The notifications marked read now; empty when they were read already' })
  readonly read!: readonly string[];

  @DateTimeProperty('When they were marked; null when nothing was', { nullable: true })
  readonly readAt!: string | null;
}

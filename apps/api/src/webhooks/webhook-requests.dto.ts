import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatusName } from '@crm/projections';

export class CreateWebhookRequest {
  @ApiProperty({ description: 'Where deliveries are POSTed: an http or https URL, without user name or password', example: 'https://hooks.example.com/crm' })
  @IsString()
  @Length(1, 2048)
  url!: string;

  @ApiProperty({
    type: [String],
    description: 'What to deliver: record event types (RecordOpened, Transitioned, …) and notification kinds as notification.<kind> (notification.escalation, …)',
    example: ['Transitioned', 'notification.escalation'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  events!: string[];

  @ApiPropertyOptional({ description: 'What it is for, for the admins' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;
}

class PageRequest {
  @ApiPropertyOptional({ description: 'Page size 1-200, default 50', minimum: 1, maximum: 200, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}

/** `GET /webhooks/:id/deliveries`: the subscription's delivery log. */
export class ListDeliveriesRequest extends PageRequest {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatusName;
}

/** `GET /webhooks/dead-letters`. */
export class ListDeadLettersRequest extends PageRequest {}

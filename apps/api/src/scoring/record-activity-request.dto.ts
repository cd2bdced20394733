import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { isIsoDateTime } from '@crm/clock';
import { activityDetailProblems, type ActivityDetails } from '@crm/workflow';

/** `POST /records/:kind/:id/activities`: an activity the blueprint's behaviour rules score. */
export class RecordActivityRequest {
  @ApiProperty({ description: 'The activity type: one of the blueprint’s behaviour rules (scoring.behaviours[].activity)', example: 'demo_requested' })
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'type must be an activity type: a lower-case identifier (a-z, 0-9, _) of at most 64 characters, e.g. demo_requested' })
  @IsString()
  type!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When it happened: an ISO-8601 date-time with offset, not in the future; default now', example: '2026-03-02T09:00:00Z' })
  @IsOptional()
  @ValidateBy({ name: 'isIsoDateTime', validator: { validate: (value: unknown) => isIsoDateTime(value) } }, { message: 'occurredAt must be an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00Z' })
  occurredAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }] },
    maxProperties: 20,
    description: 'Up to 20 short values kept with the activity (campaign, page, …): keys of letters, digits and _, values text (≤ 2,000 characters), numbers or true/false',
    example: { campaign: 'spring-webinar', page: '/pricing' },
  })
  @IsOptional()
  @ValidateBy(
    { name: 'isActivityDetails', validator: { validate: (value: unknown) => activityDetailProblems(value).length === 0 } },
    { message: ({ value }) => activityDetailProblems(value).join('; ') },
  )
  details?: ActivityDetails;
}

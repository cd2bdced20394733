import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TASK_STATUS_FILTERS, type TaskStatusFilter } from '@crm/projections';

/** The asking user, in a query parameter that names whose work. */
export const ME = 'me';

/** What both work lists share: the record kind and the page. */
class WorkListRequest {
  @ApiPropertyOptional({ description: 'Only records of this kind; 404 when no blueprint governs it; default every kind', example: 'opportunity' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  kind?: string;

  @ApiPropertyOptional({ description: 'Page size 1-500, default 50', minimum: 1, maximum: 500, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}

/** `GET /tasks`: whose, which, of what kind; every one optional. */
export class ListTasksRequest extends WorkListRequest {
  @ApiPropertyOptional({ description: 'Whose tasks: me (default) or a user id; only tasks of records you may read are listed', example: 'me' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  owner?: string;

  @ApiPropertyOptional({
    enum: TASK_STATUS_FILTERS,
    description: 'open (default): not done nor cancelled; overdue: open and past its due time; done: completed; all: every task, cancelled ones too',
  })
  @IsOptional()
  @IsIn(TASK_STATUS_FILTERS, { message: `status must be one of ${TASK_STATUS_FILTERS.join(', ')}` })
  status?: TaskStatusFilter;
}

/** `GET /approvals`: the requests waiting for the asking user. */
export class ListApprovalsRequest extends WorkListRequest {
  @ApiPropertyOptional({ enum: [ME], description: 'me (the default and only choice): requests with a step you may decide now, by your role or by name, not your own' })
  @IsOptional()
  @IsIn([ME], { message: 'waitingFor must be me' })
  waitingFor?: typeof ME;
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ApprovalMode } from '@crm/blueprint';
import type { ApprovalListItem, ApprovalPage, TaskListItem, TaskPage } from '@crm/projections';
import { DateTimeProperty, NullableTextProperty, TextProperty } from '../../http/dto/schema-properties';
import { ApprovalStepResponse } from '../../records/dto/record.response';

@ApiSchema({ name: 'TaskListItem', description: 'A task as the tasks read model has it' })
export class TaskListItemResponse implements TaskListItem {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @TextProperty('Record kind', { example: 'opportunity' })
  readonly kind!: string;

  @TextProperty('Record id')
  readonly recordId!: string;

  @NullableTextProperty('The record’s name field (name, else title, else company); null when it has none')
  readonly recordName!: string | null;

  @TextProperty('The blueprint task template id', { example: 'send_proposal' })
  readonly template!: string;

  @TextProperty('What to do')
  readonly title!: string;

  @TextProperty('The stage that opened it')
  readonly stage!: string;

  @NullableTextProperty('Who should do it; null when nobody')
  readonly assignee!: string | null;

  @DateTimeProperty('When it is due; null when the template sets no due date', { nullable: true })
  readonly dueAt!: string | null;

  @ApiProperty({ enum: ['open', 'done', 'cancelled'] })
  readonly status!: 'open' | 'done' | 'cancelled';

  @ApiProperty({ type: Boolean, description: 'Open and past its due time, as of now' })
  readonly overdue!: boolean;

  @DateTimeProperty('Business time it was opened')
  readonly openedAt!: string;

  @DateTimeProperty('Done or cancelled: when; null while open', { nullable: true })
  readonly closedAt!: string | null;

  @NullableTextProperty('Done: by whom; null otherwise')
  readonly closedBy!: string | null;
}

@ApiSchema({ name: 'TaskPage', description: 'One page of a task list, soonest due first (undated last)' })
export class TaskPageResponse implements TaskPage {
  @ApiProperty({ type: () => [TaskListItemResponse] })
  readonly items!: readonly TaskListItemResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;

  @DateTimeProperty('The moment overdue was judged at')
  readonly now!: string;
}

@ApiSchema({ name: 'WaitingApproval', description: 'An approval request with a step the asking user may decide now' })
export class WaitingApprovalResponse implements ApprovalListItem {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly approvalId!: string;

  @TextProperty('Record kind', { example: 'quote' })
  readonly kind!: string;

  @TextProperty('Record id')
  readonly recordId!: string;

  @NullableTextProperty('The record’s name field (name, else title, else company); null when it has none')
  readonly recordName!: string | null;

  @TextProperty('The transition waiting for approval', { example: 'approve' })
  readonly event!: string;

  @ApiProperty({ enum: ['sequential', 'all', 'any'] })
  readonly mode!: ApprovalMode;

  @TextProperty('Who asked')
  readonly requestedBy!: string;

  @DateTimeProperty('When it was asked')
  readonly requestedAt!: string;

  @ApiProperty({ type: () => [ApprovalStepResponse], description: 'Every step, as decided so far' })
  readonly steps!: readonly ApprovalStepResponse[];

  @ApiProperty({ type: [String], description: 'The steps that may be decided now, by title' })
  readonly waitingFor!: readonly string[];
}

@ApiSchema({ name: 'WaitingApprovalPage', description: 'One page of the approval requests waiting for the user, oldest first' })
export class WaitingApprovalPageResponse implements ApprovalPage {
  @ApiProperty({ type: () => [WaitingApprovalResponse] })
  readonly items!: readonly WaitingApprovalResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { FieldValues, UnmetCriterion } from '@crm/blueprint';
import type { RecordListItem, RecordPage } from '@crm/projections';
import type { NextStep, OpenTask, RecordView } from '@crm/workflow';
import { BlueprintRefResponse } from '../../blueprints/dto/blueprint.response';
import { DateTimeProperty, FieldValuesProperty, IntegerProperty, NullableTextProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'UnmetCriterion', description: 'One exit criterion of a transition that does not hold' })
export class UnmetCriterionResponse implements UnmetCriterion {
  @TextProperty('The transition event')
  readonly event!: string;

  @TextProperty('Which criterion: required_field, supplied_field, expression, role, owner, stage, or the kind a blueprint guard names', {
    example: 'required_field',
  })
  readonly criterion!: string;

  @ApiProperty({ type: String, required: false, description: 'The field concerned (required_field, supplied_field)' })
  readonly field?: string;

  @ApiProperty({ type: String, required: false, description: 'The CEL expression that is false (expression)' })
  readonly expression?: string;

  @TextProperty('What to do about it, for a person')
  readonly message!: string;
}

@ApiSchema({ name: 'NextStep', description: 'An event the record could take next, for the asking user' })
export class NextStepResponse implements NextStep {
  @TextProperty('The transition event', { example: 'analyze_needs' })
  readonly event!: string;

  @TextProperty('Transition title')
  readonly title!: string;

  @TextProperty('Target stage')
  readonly to!: string;

  @ApiProperty({ type: Boolean, description: 'Whether firing it now would be accepted' })
  readonly allowed!: boolean;

  @ApiProperty({ type: () => [UnmetCriterionResponse], description: 'Every criterion that blocks it; empty when allowed' })
  readonly unmet!: readonly UnmetCriterionResponse[];
}

@ApiSchema({ name: 'OpenTask', description: 'A task opened on entering a stage' })
export class OpenTaskResponse implements OpenTask {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly taskId!: string;

  @TextProperty('The blueprint task template id', { example: 'send_proposal' })
  readonly template!: string;

  @TextProperty('What to do')
  readonly title!: string;

  @DateTimeProperty('When it is due; null when the template sets no due date', { nullable: true })
  readonly dueAt!: string | null;
}

@ApiSchema({ name: 'RecordView', description: 'A record as its events say it is now, with every possible next event' })
export class RecordViewResponse implements RecordView {
  @TextProperty('Record kind', { example: 'opportunity' })
  readonly kind!: string;

  @TextProperty('Record id', { example: 'globex-1' })
  readonly id!: string;

  @TextProperty('Current stage id')
  readonly stage!: string;

  @TextProperty('Current stage title')
  readonly stageTitle!: string;

  @ApiProperty({ type: Boolean, description: 'Whether the stage is final (no transition leaves it; fields no longer change)' })
  readonly final!: boolean;

  @NullableTextProperty('Owner user id; null for a lead in the pool')
  readonly owner!: string | null;

  @FieldValuesProperty('Field values by name')
  readonly fields!: FieldValues;

  @IntegerProperty('Revision of the record stream: its last event number, from 0', { minimum: 0 })
  readonly revision!: number;

  @ApiProperty({ type: () => BlueprintRefResponse, description: 'The blueprint version the record is pinned to' })
  readonly blueprint!: BlueprintRefResponse;

  @DateTimeProperty('Business time the record was opened')
  readonly openedAt!: string;

  @DateTimeProperty('Business time of the last change')
  readonly updatedAt!: string;

  @DateTimeProperty('Business time the current stage was entered')
  readonly stageEnteredAt!: string;

  @ApiProperty({ type: () => [OpenTaskResponse] })
  readonly tasks!: readonly OpenTaskResponse[];

  @ApiProperty({ type: () => [NextStepResponse], description: 'Every event the record could take next, with what blocks it' })
  readonly next!: readonly NextStepResponse[];
}

@ApiSchema({ name: 'RecordListItem', description: 'A record as the records read model has it' })
export class RecordListItemResponse implements RecordListItem {
  @TextProperty('Record kind')
  readonly kind!: string;

  @TextProperty('Record id')
  readonly recordId!: string;

  @TextProperty('Stage id (at asOf)')
  readonly stage!: string;

  @NullableTextProperty('Owner user id (at asOf); null when unowned')
  readonly owner!: string | null;

  @NullableTextProperty('The name field; null when it has none')
  readonly name!: string | null;

  @FieldValuesProperty('Field values by name (at asOf)')
  readonly fields!: FieldValues;

  @DateTimeProperty('Business time the record was opened')
  readonly openedAt!: string;

  @DateTimeProperty('Business time of the last change at or before asOf')
  readonly updatedAt!: string;

  @ApiProperty({ type: Boolean, description: 'False once the history has a stage move no blueprint transition explains (StageRecorded)' })
  readonly conforming!: boolean;
}

@ApiSchema({ name: 'RecordPage', description: 'One page of a records list' })
export class RecordPageResponse implements RecordPage {
  @ApiProperty({ type: () => [RecordListItemResponse] })
  readonly items!: readonly RecordListItemResponse[];

  @NullableTextProperty('Pass it as cursor for the next page; null on the last page')
  readonly nextCursor!: string | null;

  @DateTimeProperty('The business time asked for; null for now', { nullable: true })
  readonly asOf!: string | null;
}

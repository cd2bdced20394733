import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PROJECTION_STATES, type ProjectionStatus } from '@crm/projection-runtime';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, PositionProperty, TextProperty } from '../../http/dto/schema-properties';
import type { ProjectionRebuilt } from '../commands/rebuild-projection.command';
import type { ProjectionStatuses } from '../queries/projection-statuses.query';

/** A read model's state as the runner reports it; `not_installed` before its tables were first made. */
export const PROJECTION_STATUS_STATES = [...PROJECTION_STATES, 'not_installed'] as const;

@ApiSchema({ name: 'ProjectionStatus' })
export class ProjectionStatusResponse implements ProjectionStatus {
  @TextProperty('Projection name', { example: 'pipeline' })
  readonly projection!: string;

  @IntegerProperty('The version the code declares')
  readonly version!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The version the stored model was built with; null before the first install' })
  readonly storedVersion!: number | null;

  @ApiProperty({ enum: PROJECTION_STATUS_STATES })
  readonly state!: ProjectionStatus['state'];

  @PositionProperty('Last event applied; null before the first', { nullable: true })
  readonly checkpoint!: string | null;

  @IntegerProperty('Events the projection handled', { minimum: 0 })
  readonly eventsApplied!: number;

  @IntegerProperty('Events stored after its checkpoint', { minimum: 0 })
  readonly lag!: number;

  @NullableTextProperty('Why it failed; null unless failed')
  readonly error!: string | null;

  @NullableTextProperty('What an operator should know although it runs (it rebuilt after the event log was reset); null otherwise')
  readonly warning!: string | null;

  @DateTimeProperty('When its status was last written; null before', { nullable: true })
  readonly updatedAt!: string | null;
}

@ApiSchema({ name: 'ProjectionStatuses' })
export class ProjectionStatusesResponse implements ProjectionStatuses {
  @PositionProperty('The event store head when the statuses were read; null on an empty store', { nullable: true })
  readonly headPosition!: string | null;

  @ApiProperty({ type: () => [ProjectionStatusResponse] })
  readonly projections!: readonly ProjectionStatusResponse[];
}

@ApiSchema({ name: 'ProjectionRebuilt', description: 'A rebuild swapped in' })
export class ProjectionRebuiltResponse implements ProjectionRebuilt {
  @TextProperty('Projection name')
  readonly projection!: string;

  @IntegerProperty('The table set now live; each rebuild makes the next one', { minimum: 0 })
  readonly generation!: number;

  @PositionProperty('The last event the rebuild read; null on an empty store', { nullable: true })
  readonly position!: string | null;

  @IntegerProperty('Events the projection handled during the rebuild', { minimum: 0 })
  readonly eventsApplied!: number;
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { StoreWarning } from '@crm/event-store';
import { PROJECTION_STATUS_STATES } from '../../projections/dto/projections.response';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, PositionProperty, TextListProperty, TextProperty } from '../../http/dto/schema-properties';
import type { Health, ProjectionLag, TimersHealth } from '../queries/get-health.query';
import { BlueprintProblemResponse } from '../../blueprints/dto/blueprint-lifecycle.response';
import type { Liveness } from '../queries/get-liveness.query';

@ApiSchema({ name: 'Liveness', description: 'What /health tells a caller without a token: nothing about the store, the blueprints or the data' })
export class LivenessResponse implements Liveness {
  @ApiProperty({ enum: ['up', 'down'], description: 'down (with 503) when the event store cannot answer a read' })
  readonly status!: 'up' | 'down';
}

@ApiSchema({ name: 'StoreWarning', description: 'Something about the event log an operator should know, although every call still works' })
export class StoreWarningResponse implements StoreWarning {
  @ApiProperty({ enum: ['FOREIGN_EVENTS_SKIPPED', 'ACCESS_DENIED', 'LOG_RESET'] })
  readonly code!: StoreWarning['code'];

  @IntegerProperty('How many times since the app started (distinct events, for skipped ones)', { minimum: 1 })
  readonly count!: number;

  @TextProperty('The last occurrence, by name')
  readonly message!: string;

  @TextProperty('When it last happened (ISO-8601)')
  readonly lastAt!: string;
}

@ApiSchema({ name: 'StoreHealth' })
export class StoreHealthResponse {
  @TextProperty('The event store in use', { example: 'sqlite' })
  readonly kind!: string;

  @PositionProperty('Its head; null when empty', { nullable: true })
  readonly headPosition!: string | null;

  @ApiProperty({ type: () => [StoreWarningResponse], description: 'Events of other tools read past, refusals of the server, log resets; empty when all is well' })
  readonly warnings!: readonly StoreWarningResponse[];
}

@ApiSchema({ name: 'ProjectionLag' })
export class ProjectionLagResponse implements ProjectionLag {
  @TextProperty('Projection name')
  readonly projection!: string;

  @ApiProperty({ enum: PROJECTION_STATUS_STATES })
  readonly state!: ProjectionLag['state'];

  @IntegerProperty('Events stored after its checkpoint', { minimum: 0 })
  readonly lag!: number;
}

@ApiSchema({ name: 'ProjectionsHealth' })
export class ProjectionsHealthResponse {
  @IntegerProperty('The largest lag; 0 when every read model is at the head', { minimum: 0 })
  readonly maxLag!: number;

  @ApiProperty({ type: () => [ProjectionLagResponse] })
  readonly byProjection!: readonly ProjectionLagResponse[];
}

@ApiSchema({ name: 'TimersHealth', description: 'The scheduler that fires due timers in this process' })
export class TimersHealthResponse implements TimersHealth {
  @ApiProperty({
    enum: ['stopped', 'running', 'retrying', 'manual'],
    description: 'running: fires due timers as they come; retrying: waiting after a failure (lastError); manual: fires only when the host runs it (an injected clock)',
  })
  readonly state!: TimersHealth['state'];

  @ApiProperty({ type: 'integer', minimum: 0, nullable: true, description: 'Timers due now in the timers read model (a fired one until the read model follows it); null when it cannot answer' })
  readonly due!: number | null;

  @DateTimeProperty('The earliest due time among them; null when none is due', { nullable: true })
  readonly oldestDueAt!: string | null;

  @IntegerProperty('FireTimer commands answered with the timer’s events since the process started', { minimum: 0 })
  readonly fired!: number;

  @IntegerProperty('Timers the domain refused to fire (logged with the reason), not tried again until the process restarts', { minimum: 0 })
  readonly refused!: number;

  @NullableTextProperty('CODE: message of the last failure (the store or the read model could not be used); null if none')
  readonly lastError!: string | null;
}

@ApiSchema({ name: 'Health', description: 'What /health tells a caller with a valid token' })
export class HealthResponse implements Health {
  @ApiProperty({ enum: ['up'] })
  readonly status!: 'up';

  @ApiProperty({ type: () => StoreHealthResponse })
  readonly store!: StoreHealthResponse;

  @TextListProperty('Ids of the loaded blueprints')
  readonly blueprints!: readonly string[];

  @ApiProperty({ type: () => [BlueprintProblemResponse], description: 'Problems of the blueprint files start-up skipped (the others loaded); empty when every file loaded' })
  readonly blueprintProblems!: readonly BlueprintProblemResponse[];

  @ApiProperty({ type: () => ProjectionsHealthResponse, description: 'How far the read models trail the log' })
  readonly projections!: ProjectionsHealthResponse;

  @ApiProperty({ type: () => TimersHealthResponse })
  readonly timers!: TimersHealthResponse;
}

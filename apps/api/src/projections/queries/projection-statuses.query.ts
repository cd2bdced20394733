import { Query } from '@nestjs/cqrs';
import type { ProjectionStatus } from '@crm/projection-runtime';

export interface ProjectionStatuses {
  /** The event store's head when the statuses were read; each `lag` counts the events after its checkpoint. */
  readonly headPosition: string | null;
  readonly projections: readonly ProjectionStatus[];
}

export class ProjectionStatusesQuery extends Query<ProjectionStatuses> {}

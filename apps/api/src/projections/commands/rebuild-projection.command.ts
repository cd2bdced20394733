import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';

export interface ProjectionRebuilt {
  readonly projection: string;
  /** The table set now live; each rebuild makes the next one. */
  readonly generation: number;
  /** The last event the rebuild read (`C:<commit>/P:<prepare>`); null on an empty store. */
  readonly position: string | null;
  /** Events the projection handled during the rebuild. */
  readonly eventsApplied: number;
}

export class RebuildProjectionCommand extends Command<ProjectionRebuilt> {
  constructor(
    readonly user: User,
    readonly name: string,
  ) {
    super();
  }
}

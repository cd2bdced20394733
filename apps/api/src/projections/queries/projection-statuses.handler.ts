import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { serializePosition } from '@crm/event-store';
import type { LiveProjections } from '../../background/live-projections';
import { ENGINE, PROJECTION_RUNNER } from '../../api.tokens';
import { ProjectionStatusesQuery, type ProjectionStatuses } from './projection-statuses.query';

@QueryHandler(ProjectionStatusesQuery)
export class ProjectionStatusesHandler implements IQueryHandler<ProjectionStatusesQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(PROJECTION_RUNNER) private readonly runner: LiveProjections,
  ) {}

  async execute(): Promise<ProjectionStatuses> {
    const head = await this.engine.store.headPosition();
    return { headPosition: head ? serializePosition(head) : null, projections: await this.runner.status() };
  }
}

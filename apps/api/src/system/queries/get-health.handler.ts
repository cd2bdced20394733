import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { serializePosition } from '@crm/event-store';
import type { ProjectionRunner } from '@crm/projection-runtime';
import { ENGINE, PROJECTION_RUNNER } from '../../api.tokens';
import { logResetWarnings, projectionLags } from '../projection-lags';
import { GetHealthQuery, type Health } from './get-health.query';

@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  async execute(): Promise<Health> {
    const head = await this.engine.store.headPosition();
    const statuses = await this.runner.status();
    const warnings = [...(this.engine.store.warnings?.() ?? []), ...logResetWarnings(statuses)];
    return {
      status: 'up',
      store: { kind: this.engine.store.kind, headPosition: head ? serializePosition(head) : null, warnings },
      blueprints: this.engine.catalog.kinds(),
      projections: projectionLags(statuses),
    };
  }
}

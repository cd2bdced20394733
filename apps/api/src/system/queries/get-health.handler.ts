import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine, TimerSchedulerStatus } from '@crm/engine';
import { serializePosition } from '@crm/event-store';
import type { LiveProjections } from '../../background/live-projections';
import { ENGINE, PROJECTION_RUNNER } from '../../api.tokens';
import { logResetWarnings, projectionLags } from '../projection-lags';
import { TIMER_SCHEDULER, type TimerStatusSource } from '../timer-scheduler.module';
import { GetHealthQuery, type Health, type TimersHealth } from './get-health.query';

const timersHealth = ({ remembered: _remembered, ...health }: TimerSchedulerStatus): TimersHealth => health;

@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(PROJECTION_RUNNER) private readonly runner: LiveProjections,
    @Inject(TIMER_SCHEDULER) private readonly timers: TimerStatusSource,
  ) {}

  async execute(): Promise<Health> {
    const head = await this.engine.store.headPosition();
    const statuses = await this.runner.status();
    const warnings = [...(this.engine.store.warnings?.() ?? []), ...logResetWarnings(statuses)];
    return {
      status: 'up',
      store: { kind: this.engine.store.kind, headPosition: head ? serializePosition(head) : null, warnings },
      blueprints: this.engine.catalog.kinds(),
      blueprintProblems: this.engine.blueprintProblems,
      projections: projectionLags(statuses),
      timers: timersHealth(await this.timers.status()),
    };
  }
}

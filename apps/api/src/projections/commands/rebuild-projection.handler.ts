import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { serializePosition } from '@crm/event-store';
import { authorizePlatformAction, IdentityException, IdentityExceptionCode } from '@crm/identity';
import type { LiveProjections } from '../../background/live-projections';
import { PROJECTION_RUNNER } from '../../api.tokens';
import { RebuildProjectionCommand, type ProjectionRebuilt } from './rebuild-projection.command';

/**
 * Rebuilds one projection into fresh tables and swaps them in; queries answer from the old tables
 * meanwhile. Answers once the swap is done.
 */
@CommandHandler(RebuildProjectionCommand)
export class RebuildProjectionHandler implements ICommandHandler<RebuildProjectionCommand> {
  /**
   * Two rebuilds of one projection at once would fill the same `__rebuild_<n>` tables (the runner does
   * not serialize them), so a request arriving during a rebuild gets that rebuild's result.
   */
  private readonly inFlight = new Map<string, Promise<ProjectionRebuilt>>();

  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: LiveProjections) {}

  async execute({ user, name }: RebuildProjectionCommand): Promise<ProjectionRebuilt> {
    const denial = authorizePlatformAction(user, 'projections.rebuild');
    if (denial) {
      throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${user.id} may not rebuild projections: ${denial.message}`, {
        rule: denial.rule,
        action: 'projections.rebuild',
      });
    }
    const running = this.inFlight.get(name);
    if (running) return running;
    const rebuild = this.rebuild(name).finally(() => this.inFlight.delete(name));
    this.inFlight.set(name, rebuild);
    return rebuild;
  }

  private async rebuild(name: string): Promise<ProjectionRebuilt> {
    const result = await this.runner.rebuild(name);
    return {
      projection: result.projection,
      generation: result.generation,
      position: result.position ? serializePosition(result.position) : null,
      eventsApplied: result.eventsApplied,
    };
  }
}

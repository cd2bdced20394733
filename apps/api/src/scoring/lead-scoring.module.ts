import { Logger, type DynamicModule } from '@nestjs/common';
import type { Clock } from '@crm/clock';
import type { Engine } from '@crm/engine';
import type { ReactorStateChange } from '@crm/reactor-runtime';
import { LeadScoringReactors, type ScoringReactorsMode } from '@crm/workflow';
import { ActivitiesController } from './activities.controller';
import { RecordActivityHandler } from './commands/record-activity.handler';

const logReactorFailure = (change: ReactorStateChange): void => {
  if (change.state === 'failed') new Logger('Reactors').error(`${change.reactor} stopped at its checkpoint: ${change.error ?? 'unknown error'}`);
};

/** Manual runs of several processes hand the lease over quickly: a host waits for them. */
const MANUAL_STANDBY_POLL_MS = 20;

/** The `lead-scoring` reactor of this API process, on the engine's store, command handler and clock. */
export const openLeadScoring = (parts: { readonly engine: Engine; readonly clock: Clock; readonly mode: ScoringReactorsMode }): LeadScoringReactors =>
  new LeadScoringReactors({
    store: parts.engine.store,
    commands: parts.engine.commands,
    clock: parts.clock,
    mode: parts.mode,
    ...(parts.mode === 'manual' ? { reactors: { standbyPollMs: MANUAL_STANDBY_POLL_MS } } : {}),
    onStateChange: logReactorFailure,
  });

/** `module` (the API's root) with the activities route and its handler beside its own, so they inject the root's parts. */
export const withLeadScoring = (module: DynamicModule): DynamicModule => ({
  ...module,
  controllers: [...(module.controllers ?? []), ActivitiesController],
  providers: [...(module.providers ?? []), RecordActivityHandler],
});

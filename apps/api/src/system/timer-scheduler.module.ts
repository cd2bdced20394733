import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { TimerSchedulerStatus } from '@crm/engine';

/** The scheduler that fires due timers (in this process or its background worker, see `startApi`), for /health. */
export const TIMER_SCHEDULER = Symbol('TimerScheduler');

/** The scheduler's status: the scheduler itself, or the background worker's answer for the one it runs. */
export interface TimerStatusSource {
  status(): TimerSchedulerStatus | Promise<TimerSchedulerStatus>;
}

/** The scheduler as a global provider: it is opened before Nest starts, like the engine's other parts. */
@Global()
@Module({})
export class TimerSchedulerModule {
  static register(scheduler: TimerStatusSource): DynamicModule {
    return { module: TimerSchedulerModule, providers: [{ provide: TIMER_SCHEDULER, useValue: scheduler }], exports: [TIMER_SCHEDULER] };
  }
}

/** `module` with the scheduler's provider beside its own imports. */
export const withTimerScheduler = (module: DynamicModule, scheduler: TimerStatusSource): DynamicModule => ({
  ...module,
  imports: [...(module.imports ?? []), TimerSchedulerModule.register(scheduler)],
});

import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { TimerScheduler } from '@crm/engine';

/** The scheduler that fires due timers in this process (see `startApi`), for /health. */
export const TIMER_SCHEDULER = Symbol('TimerScheduler');

/** The scheduler as a global provider: it is opened before Nest starts, like the engine's other parts. */
@Global()
@Module({})
export class TimerSchedulerModule {
  static register(scheduler: TimerScheduler): DynamicModule {
    return { module: TimerSchedulerModule, providers: [{ provide: TIMER_SCHEDULER, useValue: scheduler }], exports: [TIMER_SCHEDULER] };
  }
}

/** `module` with the scheduler's provider beside its own imports. */
export const withTimerScheduler = (module: DynamicModule, scheduler: TimerScheduler): DynamicModule => ({
  ...module,
  imports: [...(module.imports ?? []), TimerSchedulerModule.register(scheduler)],
});

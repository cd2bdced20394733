export { Engine } from './engine';
export { CALENDARS_FILE, calendarProblems, checkAgainstPublished, checkBlueprintFolder, loadCalendars, type BlueprintStartUp } from './blueprints/blueprint-start-up';
export type { EngineConfig } from './engine';
export { TimerScheduler } from './timers/timer-scheduler';
export type {
  PendingTimer,
  PendingTimerCursor,
  PendingTimers,
  TimerCommands,
  TimerNotice,
  TimerRun,
  TimerSchedulerOptions,
  TimerSchedulerState,
  TimerSchedulerStatus,
} from './timers/timer-scheduler';
export { conversionMatchKey, DEFAULT_PHONE_REGION, phoneRegionOf } from './conversion/conversion-matching';
export { recordConversionReactor } from './conversion/record-conversion.reactor';

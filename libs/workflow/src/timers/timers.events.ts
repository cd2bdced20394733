import type { TimerAction, UnmetCriterion } from '@crm/blueprint';

export interface TimerScheduled {
  readonly type: 'TimerScheduled';
  readonly data: {
    readonly recordId: string;
    /** This setting of the timer; a due timer's command id derives from it, so it fires once. */
    readonly timerId: string;
    /** The blueprint's timer id. */
    readonly timer: string;
    readonly stage: string;
    readonly dueAt: string;
    readonly action: TimerAction;
  };
}

export interface TimerCancelled {
  readonly type: 'TimerCancelled';
  readonly data: { readonly recordId: string; readonly timerId: string; readonly reason: 'stage_left' | 'rescheduled' };
}

export interface TimerFired {
  readonly type: 'TimerFired';
  readonly data: {
    readonly recordId: string;
    readonly timerId: string;
    readonly timer: string;
    readonly stage: string;
    readonly action: TimerAction;
    /** `refused`: a `fire` whose transition the guards refused (`unmet` says why; a task was opened). */
    readonly outcome: 'done' | 'refused';
    readonly unmet: readonly UnmetCriterion[];
    /** The message of the timer (reminders, escalations, releases). */
    readonly message: string | null;
    /** Who the record belonged to when the timer fired (reminders and escalations go to them, or their manager). */
    readonly owner: string | null;
  };
}

export interface RecordStalled {
  readonly type: 'RecordStalled';
  readonly data: { readonly recordId: string; readonly stage: string; readonly since: string };
}

export type TimerEvent = TimerScheduled | TimerCancelled | TimerFired | RecordStalled;

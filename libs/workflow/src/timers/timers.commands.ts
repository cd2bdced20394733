import type { RecordCommandBase } from '../record/record-command';

/** A due timer, fired by the scheduler as `system:timer`; its command id derives from the timer id. */
export interface FireTimer extends RecordCommandBase {
  readonly type: 'FireTimer';
  readonly recordId: string;
  readonly timerId: string;
}

export type TimerCommand = FireTimer;

/** The command id of firing a timer: one per timer setting, so it fires once however often it is tried. */
export const fireTimerCommandId = (timerId: string): string => `timer:${timerId}`;

export const TIMER_ACTOR = { id: 'system:timer', roles: ['system'] } as const;

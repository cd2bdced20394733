import type { CompiledBlueprint, FieldValues, ScheduledTimer, TimerPlanner } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { ExistingRecord, PendingTimer } from '../record/record.state';
import type { TimerCancelled, TimerScheduled } from './timers.events';

export const timerScheduled = (commandId: string, recordId: string, set: ScheduledTimer, now: Date, discriminator = ''): TimerScheduled => ({
  type: 'TimerScheduled',
  data: {
    recordId,
    timerId: deriveId(commandId, `timer:${set.stage}:${set.timer.id}${discriminator}`),
    timer: set.timer.id,
    stage: set.stage,
    dueAt: new Date(now.getTime() + set.dueInMs).toISOString(),
    action: set.timer.then,
  },
});

/** A stage's timer; scoring's decay timer follows the record's score whatever stage it is in. */
const followsStage = (timer: PendingTimer): boolean => timer.action.kind !== 'decay';

export const timersCancelledOnLeaving = (record: ExistingRecord, left: string): TimerCancelled[] =>
  record.timers
    .filter((timer) => timer.stage === left && followsStage(timer))
    .map((timer) => ({ type: 'TimerCancelled', data: { recordId: record.recordId, timerId: timer.timerId, reason: 'stage_left' } }));

const changed = (before: FieldValues, after: FieldValues, field: string): boolean => (before[field] ?? null) !== (after[field] ?? null);

/**
 * A timer `at` a date field follows the field: when the field changes while the record is in the
 * stage, the pending timer is cancelled and set again for the new date (or not at all, field cleared).
 */
export const timersFollowingDates = (
  record: ExistingRecord,
  blueprint: CompiledBlueprint,
  after: FieldValues,
  planner: TimerPlanner,
  commandId: string,
  now: Date,
): (TimerCancelled | TimerScheduled)[] =>
  (blueprint.stage(record.stage)?.timers ?? [])
    .filter((timer) => timer.at !== undefined && changed(record.fields, after, timer.at.field))
    .flatMap((timer) => {
      const pending: PendingTimer | undefined = record.timers.find((candidate) => candidate.timer === timer.id && candidate.stage === record.stage);
      const dueIn = planner.dueIn(timer, after);
      return [
        ...(pending === undefined ? [] : [{ type: 'TimerCancelled' as const, data: { recordId: record.recordId, timerId: pending.timerId, reason: 'rescheduled' as const } }]),
        ...(Number.isFinite(dueIn) ? [timerScheduled(commandId, record.recordId, { stage: record.stage, timer, dueInMs: Math.max(0, dueIn) }, now, ':rescheduled')] : []),
      ];
    });

/** Timers that measure what the owner does (reminders, escalations, release to the pool), not the stage. */
const OWNER_CLOCKS: readonly string[] = ['remind', 'escalate', 'release'];

/**
 * A new owner gets the stage's clock afresh: every owner's `after` timer of the stage is set again from now for
 * them, pending ones cancelled first (a lead claimed from the pool gets its own hour to be contacted,
 * even after its first owner's timers fired and released it). Timers that measure the stage (`stalled`,
 * `fire`) or wait for a date do not depend on who owns the record and stay as they are.
 */
export const timersRestartedForOwner = (
  record: ExistingRecord,
  blueprint: CompiledBlueprint,
  planner: TimerPlanner,
  commandId: string,
  now: Date,
): (TimerCancelled | TimerScheduled)[] => {
  const definitions = (blueprint.stage(record.stage)?.timers ?? []).filter((timer) => timer.after !== undefined && OWNER_CLOCKS.includes(timer.then.kind));
  return [
    ...record.timers
      .filter((pending) => followsStage(pending) && definitions.some((timer) => timer.id === pending.timer))
      .map((pending): TimerCancelled => ({ type: 'TimerCancelled', data: { recordId: record.recordId, timerId: pending.timerId, reason: 'rescheduled' } })),
    ...definitions.flatMap((timer) => {
      const dueIn = planner.dueIn(timer, record.fields);
      return Number.isFinite(dueIn) ? [timerScheduled(commandId, record.recordId, { stage: record.stage, timer, dueInMs: Math.max(0, dueIn) }, now, ':owner')] : [];
    }),
  ];
};

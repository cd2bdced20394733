import { SCORE_DECAY_TIMER, WEEK_MS, type CompiledBlueprint, type ScoreThreshold } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { ExistingRecord } from '../record/record.state';
import type { TimerScheduled } from '../timers/timers.events';
import { applyScoreChanges, crossedThresholds, holdsBehaviourPoints, type RecordScore, type ScoreChange } from './score-rules';
import type { ScoreChanged, ScoreChangeReason } from './scoring.events';

/** The event for `changes` to `before`: the score both sides and the thresholds crossed on the way up. */
export const scoreChanged = (
  recordId: string,
  reason: ScoreChangeReason,
  activityId: string | null,
  before: RecordScore,
  changes: readonly ScoreChange[],
  thresholds: readonly ScoreThreshold[],
): ScoreChanged => {
  const after = applyScoreChanges(before, changes);
  return {
    type: 'ScoreChanged',
    data: {
      recordId,
      reason,
      activityId,
      changes,
      previous: before.score,
      score: after.score,
      crossed: crossedThresholds(thresholds, before.score, after.score).map(({ id, at, fire }) => ({ threshold: id, at, fire })),
    },
  };
};

/** Whether the record has its decay timer pending. */
export const hasDecayTimer = (record: ExistingRecord): boolean => record.timers.some((timer) => timer.action.kind === 'decay');

/**
 * The weekly decay timer, set when behaviour points appear and none is pending; each firing sets the
 * next one from its own due time while points are left (README, Blueprint reference, "Scoring").
 */
export const decayTimerScheduled = (record: ExistingRecord, commandId: string, dueAt: Date): TimerScheduled => ({
  type: 'TimerScheduled',
  data: {
    recordId: record.recordId,
    timerId: deriveId(commandId, `timer:${SCORE_DECAY_TIMER}`),
    timer: SCORE_DECAY_TIMER,
    // The stage it was set in, for the record; leaving that stage does not cancel it (see `followsStage`).
    stage: record.stage,
    dueAt: dueAt.toISOString(),
    action: { kind: 'decay' },
  },
});

/** A decay timer from `now` when the blueprint decays, the score holds behaviour points, and none is pending. */
export const decayTimerIfNeeded = (record: ExistingRecord, blueprint: CompiledBlueprint, after: RecordScore, commandId: string, now: Date): TimerScheduled[] =>
  blueprint.definition.scoring?.decay !== undefined && holdsBehaviourPoints(after) && !hasDecayTimer(record)
    ? [decayTimerScheduled(record, commandId, new Date(now.getTime() + WEEK_MS))]
    : [];

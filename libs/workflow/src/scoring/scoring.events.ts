import type { ActivityDetails } from './scoring.commands';
import type { ScoreChange } from './score-rules';

export interface ActivityRecorded {
  readonly type: 'ActivityRecorded';
  readonly data: {
    readonly recordId: string;
    /** Derived from the command id: a retried activity is the same activity. */
    readonly activityId: string;
    readonly activity: string;
    /** When it happened (business time, as reported); the event's own `occurredAt` is when it was recorded. */
    readonly occurredAt: string;
    readonly details: ActivityDetails;
  };
}

/** A threshold the change crossed upward, and the transition it fires (by the `lead-scoring` reactor). */
export interface CrossedThreshold {
  readonly threshold: string;
  readonly at: number;
  readonly fire: string;
}

export type ScoreChangeReason = 'fields' | 'activity' | 'decay';

/**
 * The score moved: every rule that gave or took points and how many, the score before and after, and
 * the thresholds crossed upward. The score and its breakdown are the fold of these events.
 */
export interface ScoreChanged {
  readonly type: 'ScoreChanged';
  readonly data: {
    readonly recordId: string;
    /** `fields`: attribute rules after a field change (or opening); `activity`: a behaviour rule; `decay`: the weekly decay. */
    readonly reason: ScoreChangeReason;
    /** The activity scored (reason `activity`), else null. */
    readonly activityId: string | null;
    readonly changes: readonly ScoreChange[];
    readonly previous: number;
    readonly score: number;
    readonly crossed: readonly CrossedThreshold[];
  };
}

export type ScoringEvent = ActivityRecorded | ScoreChanged;

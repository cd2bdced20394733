/**
 * A blueprint's scoring rules (README, Blueprint reference, "Scoring"): points for what a record is
 * (attribute rules over its fields) and for what it does (behaviour rules over activities posted to
 * it), behaviour points decaying week by week, and thresholds whose crossing fires a transition.
 */

/** A value an attribute rule matches a field against: as stored (enum and text values, numbers, booleans). */
export type AttributeValue = string | number | boolean;

/** Points while the record's fields match: one field's value among `values`, or a CEL condition. */
export interface AttributeRule {
  /** Unique among the blueprint's score rules; names the rule in `ScoreChanged` and the breakdown. */
  readonly id: string;
  readonly title: string;
  /** Whole points, negative for a disqualifying attribute; never 0. */
  readonly points: number;
  readonly field?: string;
  readonly values?: readonly AttributeValue[];
  /** CEL over the fields (as transitions' `when`). */
  readonly when?: string;
}

/** Points each time an activity of this type is recorded. */
export interface BehaviourRule {
  /** The activity type (`demo_requested`); also the rule's name in the breakdown. */
  readonly activity: string;
  readonly title: string;
  /** Whole points per activity, never 0. */
  readonly points: number;
  /** The most points (in absolute value) the rule holds at once; absent: no cap. */
  readonly max?: number;
}

/** Behaviour points lose this share every week, rounded toward zero, so they fade to nothing. */
export interface ScoreDecay {
  readonly percentPerWeek: number;
}

/** A score level whose upward crossing fires a transition of the blueprint (through its guards). */
export interface ScoreThreshold {
  readonly id: string;
  readonly title: string;
  /** Points: crossed when the score goes from below to at or above it. */
  readonly at: number;
  /** The transition event fired. */
  readonly fire: string;
}

export interface ScoringDefinition {
  readonly attributes: readonly AttributeRule[];
  readonly behaviours: readonly BehaviourRule[];
  /** Absent: behaviour points never fade. */
  readonly decay?: ScoreDecay;
  /** Ascending by `at`. */
  readonly thresholds: readonly ScoreThreshold[];
}

/** The largest number of points one rule may give or take. */
export const MAX_RULE_POINTS = 1_000;

/** The timer that decays behaviour points: it follows the record, not a stage (see `TimerAction`). */
export const SCORE_DECAY_TIMER = 'score_decay';

/** Decay is counted in weeks of plain time. */
export const WEEK_MS = 7 * 24 * 3_600_000;

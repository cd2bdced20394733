import {
  fieldValueOf,
  WEEK_MS,
  type AttributeRule,
  type BehaviourRule,
  type CompiledBlueprint,
  type FieldValues,
  type ScoreDecay,
  type ScoreThreshold,
  type ScoringDefinition,
} from '@crm/blueprint';

/**
 * The arithmetic of scores (README, Blueprint reference, "Scoring"), pure and in whole points: what
 * attribute rules the fields match, what an activity gives, what a week of decay takes, which thresholds
 * a change crosses, and the fold of the changes `ScoreChanged` names.
 */

export type ScoreRuleKind = 'attribute' | 'behaviour';

/** Points one rule gives or takes in one `ScoreChanged`. */
export interface ScoreChange {
  readonly rule: string;
  readonly kind: ScoreRuleKind;
  readonly points: number;
}

/** What one rule holds now; the breakdown lists only rules that hold points. */
export type ScoreEntry = ScoreChange;

export interface RecordScore {
  /** The sum of the breakdown. */
  readonly score: number;
  /** Rules holding points, in the order they first scored. */
  readonly breakdown: readonly ScoreEntry[];
}

export const NO_SCORE: RecordScore = { score: 0, breakdown: [] };

/** The score after `changes`: each rule's points added up, rules back at zero left out. */
export const applyScoreChanges = (score: RecordScore, changes: readonly ScoreChange[]): RecordScore => {
  if (changes.length === 0) return score;
  const held = new Map(score.breakdown.map((entry) => [entry.rule, entry]));
  for (const change of changes) {
    const entry = held.get(change.rule);
    held.set(change.rule, { rule: change.rule, kind: change.kind, points: (entry?.points ?? 0) + change.points });
  }
  const breakdown = [...held.values()].filter((entry) => entry.points !== 0);
  return { score: breakdown.reduce((sum, entry) => sum + entry.points, 0), breakdown };
};

const pointsOf = (score: RecordScore, rule: string): number => score.breakdown.find((entry) => entry.rule === rule)?.points ?? 0;

/** The points of one kind of rule: attributes (what the record is) or behaviour (what it did). */
export const pointsOfKind = (score: RecordScore, kind: ScoreRuleKind): number =>
  score.breakdown.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.points, 0);

const matches = (rule: AttributeRule, fields: FieldValues, expressionFor: CompiledBlueprint['expressionFor']): boolean => {
  if (rule.when !== undefined) return expressionFor(rule.when).evaluate(fields).holds;
  const value = rule.field === undefined ? undefined : fieldValueOf(fields, rule.field);
  return value !== undefined && value !== null && (rule.values ?? []).includes(value);
};

/**
 * What the attribute rules must change for the score to hold exactly what these fields earn: a rule the
 * fields now match gives its points, one they no longer match takes back what it gave.
 */
export const attributeChanges = (
  score: RecordScore,
  scoring: ScoringDefinition,
  fields: FieldValues,
  expressionFor: CompiledBlueprint['expressionFor'],
): ScoreChange[] =>
  scoring.attributes.flatMap((rule): ScoreChange[] => {
    const due = matches(rule, fields, expressionFor) ? rule.points : 0;
    const held = pointsOf(score, rule.id);
    return due === held ? [] : [{ rule: rule.id, kind: 'attribute', points: due - held }];
  });

/** Whether any behaviour rule holds points (what the weekly decay works on). */
export const holdsBehaviourPoints = (score: RecordScore): boolean => score.breakdown.some((entry) => entry.kind === 'behaviour');

/** One week of decay: the share taken, rounded toward zero, so any points fade to nothing. */
export const decayedOnce = (points: number, decay: ScoreDecay): number => Math.trunc((points * (100 - decay.percentPerWeek)) / 100) || 0;

/** Points after `weeks` of decay. Each week takes at least one point, so rules within ±1000 settle quickly. */
const decayedFor = (points: number, weeks: number, decay: ScoreDecay): number => {
  let left = points;
  for (let week = 0; week < weeks && left !== 0; week += 1) left = decayedOnce(left, decay);
  return left;
};

const capped = (points: number, max: number | undefined): number => (max === undefined ? points : Math.max(-max, Math.min(max, points)));

/**
 * What one activity gives. An activity recorded whole weeks after it happened counts as decayed for
 * those weeks, so a late import does not weigh more than the same activity recorded on the day.
 */
export const activityChanges = (score: RecordScore, rule: BehaviourRule, occurredAt: Date, now: Date, decay: ScoreDecay | undefined): ScoreChange[] => {
  const weeksOld = Math.max(0, Math.floor((now.getTime() - occurredAt.getTime()) / WEEK_MS));
  const given = decay === undefined ? rule.points : decayedFor(rule.points, weeksOld, decay);
  const held = pointsOf(score, rule.activity);
  const next = capped(held + given, rule.max);
  return next === held ? [] : [{ rule: rule.activity, kind: 'behaviour', points: next - held }];
};

/** One week of decay of every behaviour rule; attribute points describe the record and never fade. */
export const decayChanges = (score: RecordScore, decay: ScoreDecay): ScoreChange[] =>
  score.breakdown.flatMap((entry): ScoreChange[] => {
    if (entry.kind !== 'behaviour') return [];
    const next = decayedOnce(entry.points, decay);
    return next === entry.points ? [] : [{ rule: entry.rule, kind: 'behaviour', points: next - entry.points }];
  });

/** The thresholds a change from `before` to `after` crosses upward, lowest first (they are kept ascending). */
export const crossedThresholds = (thresholds: readonly ScoreThreshold[], before: number, after: number): ScoreThreshold[] =>
  thresholds.filter((threshold) => before < threshold.at && after >= threshold.at);

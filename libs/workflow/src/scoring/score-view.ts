import type { CompiledBlueprint } from '@crm/blueprint';
import type { ExistingRecord } from '../record/record.state';
import { recordScore } from './record-score.part';
import { pointsOfKind, type ScoreRuleKind } from './score-rules';

/** One rule's share of the score, titled as the blueprint titles it. */
export interface ScoreBreakdownView {
  readonly rule: string;
  readonly kind: ScoreRuleKind;
  readonly title: string;
  readonly points: number;
}

export interface ScoreThresholdView {
  readonly id: string;
  readonly title: string;
  readonly at: number;
  /** The transition its crossing fires. */
  readonly fire: string;
  /** Whether the score is at or above it now. */
  readonly reached: boolean;
}

/** The record's score as its ScoreChanged events fold (README, Blueprint reference, "Scoring"). */
export interface ScoreView {
  readonly score: number;
  /** Points of attribute rules (what the record is) and of behaviour rules (what it did, decaying). */
  readonly attributes: number;
  readonly behaviour: number;
  /** Every rule holding points, in the order it first scored. */
  readonly breakdown: readonly ScoreBreakdownView[];
  readonly thresholds: readonly ScoreThresholdView[];
  /** When its latest activity happened; null before any. */
  readonly lastActivityAt: string | null;
}

/** The score of a record whose blueprint scores; undefined for one whose blueprint does not. */
export const scoreView = (record: ExistingRecord, blueprint: CompiledBlueprint): ScoreView | undefined => {
  const scoring = blueprint.definition.scoring;
  if (scoring === undefined) return undefined;
  const part = recordScore.read(record);
  const titles = new Map([
    ...scoring.attributes.map((rule) => [rule.id, rule.title] as const),
    ...scoring.behaviours.map((rule) => [rule.activity, rule.title] as const),
  ]);
  return {
    score: part.score,
    attributes: pointsOfKind(part, 'attribute'),
    behaviour: pointsOfKind(part, 'behaviour'),
    breakdown: part.breakdown.map((entry) => ({ ...entry, title: titles.get(entry.rule) ?? entry.rule })),
    thresholds: scoring.thresholds.map(({ id, title, at, fire }) => ({ id, title, at, fire, reached: part.score >= at })),
    lastActivityAt: part.lastActivityAt,
  };
};

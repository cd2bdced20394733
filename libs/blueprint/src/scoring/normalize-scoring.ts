import { humanize } from '../blueprint.names';
import type { ScoringSpec } from './scoring.schema';
import type { AttributeRule, BehaviourRule, ScoringDefinition, ScoreThreshold } from './scoring.model';

/** A checked `scoring:` section made precise: titles filled in, thresholds in ascending order. */
export const normalizeScoring = (spec: ScoringSpec): ScoringDefinition => ({
  attributes: (spec.attributes ?? []).map(
    (rule): AttributeRule => ({
      id: rule.id,
      title: rule.title ?? humanize(rule.id),
      points: rule.points,
      ...(rule.field === undefined ? {} : { field: rule.field }),
      ...(rule.values === undefined ? {} : { values: [...rule.values] }),
      ...(rule.when === undefined ? {} : { when: rule.when.trim() }),
    }),
  ),
  behaviours: (spec.behaviours ?? []).map(
    (rule): BehaviourRule => ({
      activity: rule.activity,
      title: rule.title ?? humanize(rule.activity),
      points: rule.points,
      ...(rule.max === undefined ? {} : { max: rule.max }),
    }),
  ),
  ...(spec.decay === undefined ? {} : { decay: { percentPerWeek: spec.decay.percentPerWeek } }),
  thresholds: (spec.thresholds ?? [])
    .map((threshold): ScoreThreshold => ({ id: threshold.id, title: threshold.title ?? humanize(threshold.id), at: threshold.at, fire: threshold.fire }))
    .sort((a, b) => a.at - b.at),
});

import { present } from '@crm/event-store/contract';
import { scoredLeadBlueprint } from '../__fixtures__/scored-lead/scored-lead.blueprint';
import { activityChanges, applyScoreChanges, attributeChanges, crossedThresholds, decayChanges, NO_SCORE, type RecordScore } from './score-rules';

const blueprint = scoredLeadBlueprint();
const scoring = present(blueprint.definition.scoring, 'the scored lead blueprint’s scoring');
const rule = (activity: string) => present(scoring.behaviours.find((candidate) => candidate.activity === activity), `the behaviour rule ${activity}`);
const decay = present(scoring.decay, 'the scoring’s decay');

const scoreOf = (...changes: { rule: string; kind: 'attribute' | 'behaviour'; points: number }[]): RecordScore => applyScoreChanges(NO_SCORE, changes);

describe('scoring rules (pure)', () => {
  describe('the fold of score changes', () => {
    it('given changes of several rules, when folded, then each rule holds the sum of its points and the score is their total', () => {
      const score = applyScoreChanges(
        scoreOf({ rule: 'demo_requested', kind: 'behaviour', points: 30 }, { rule: 'target_industry', kind: 'attribute', points: 15 }),
        [{ rule: 'demo_requested', kind: 'behaviour', points: 30 }, { rule: 'unsubscribed', kind: 'behaviour', points: -20 }],
      );

      expect(score).toEqual({
        score: 55,
        breakdown: [
          { rule: 'demo_requested', kind: 'behaviour', points: 60 },
          { rule: 'target_industry', kind: 'attribute', points: 15 },
          { rule: 'unsubscribed', kind: 'behaviour', points: -20 },
        ],
      });
    });

    it('given a rule brought back to zero, when folded, then it leaves the breakdown', () => {
      const score = applyScoreChanges(scoreOf({ rule: 'target_industry', kind: 'attribute', points: 15 }), [{ rule: 'target_industry', kind: 'attribute', points: -15 }]);

      expect(score).toEqual({ score: 0, breakdown: [] });
    });
  });

  describe('attribute rules', () => {
    it('given fields that match both rules, when scored from nothing, then each rule gives its points', () => {
      expect(attributeChanges(NO_SCORE, scoring, { industry: 'software', employees: 5000 }, blueprint.expressionFor)).toEqual([
        { rule: 'target_industry', kind: 'attribute', points: 15 },
        { rule: 'enterprise', kind: 'attribute', points: 20 },
      ]);
    });

    it('given a matched industry, when the industry changes to another value, then its points are taken back', () => {
      const score = scoreOf({ rule: 'target_industry', kind: 'attribute', points: 15 });

      expect(attributeChanges(score, scoring, { industry: 'retail' }, blueprint.expressionFor)).toEqual([{ rule: 'target_industry', kind: 'attribute', points: -15 }]);
    });

    it('given fields that still match what the score holds, when scored again, then nothing changes', () => {
      const score = scoreOf({ rule: 'enterprise', kind: 'attribute', points: 20 });

      expect(attributeChanges(score, scoring, { employees: 1200, email: 'lee@example.com' }, blueprint.expressionFor)).toEqual([]);
    });

    it('given a condition whose field has no value, when scored, then the rule does not match', () => {
      expect(attributeChanges(NO_SCORE, scoring, { industry: 'other' }, blueprint.expressionFor)).toEqual([]);
    });
  });

  describe('behaviour rules', () => {
    const now = new Date('2026-03-09T09:00:00.000Z');

    it('given an activity of today, when scored, then its rule gives its points', () => {
      expect(activityChanges(NO_SCORE, rule('demo_requested'), now, now, decay)).toEqual([{ rule: 'demo_requested', kind: 'behaviour', points: 30 }]);
    });

    it('given a capped rule, when its activity repeats, then it gives points up to the cap and then none', () => {
      let score = NO_SCORE;
      const given: number[] = [];
      for (let opened = 0; opened < 4; opened += 1) {
        const changes = activityChanges(score, rule('email_opened'), now, now, decay);
        given.push(changes[0]?.points ?? 0);
        score = applyScoreChanges(score, changes);
      }

      expect(given).toEqual([4, 4, 2, 0]);
      expect(score.score).toBe(10);
    });

    it('given an activity that happened eight days before it is recorded, when scored, then it counts as decayed for the whole week', () => {
      expect(activityChanges(NO_SCORE, rule('demo_requested'), new Date('2026-03-01T08:00:00.000Z'), now, decay)).toEqual([
        { rule: 'demo_requested', kind: 'behaviour', points: 15 },
      ]);
    });

    it('given a blueprint without decay, when an old activity is scored, then it gives its full points', () => {
      expect(activityChanges(NO_SCORE, rule('demo_requested'), new Date('2025-03-01T08:00:00.000Z'), now, undefined)).toEqual([
        { rule: 'demo_requested', kind: 'behaviour', points: 30 },
      ]);
    });

    it('given a negative rule, when its activity is scored, then it takes points', () => {
      expect(activityChanges(NO_SCORE, rule('unsubscribed'), now, now, decay)).toEqual([{ rule: 'unsubscribed', kind: 'behaviour', points: -20 }]);
    });
  });

  describe('weekly decay', () => {
    it('given behaviour and attribute points, when a week passes, then each behaviour rule loses its share toward zero and attributes stay', () => {
      const score = scoreOf(
        { rule: 'demo_requested', kind: 'behaviour', points: 30 },
        { rule: 'email_opened', kind: 'behaviour', points: 5 },
        { rule: 'unsubscribed', kind: 'behaviour', points: -20 },
        { rule: 'target_industry', kind: 'attribute', points: 15 },
      );

      expect(decayChanges(score, decay)).toEqual([
        { rule: 'demo_requested', kind: 'behaviour', points: -15 },
        { rule: 'email_opened', kind: 'behaviour', points: -3 },
        { rule: 'unsubscribed', kind: 'behaviour', points: 10 },
      ]);
    });

    it('given one behaviour point, when a week passes, then it fades to nothing', () => {
      const score = applyScoreChanges(NO_SCORE, [{ rule: 'email_opened', kind: 'behaviour', points: 1 }]);

      expect(applyScoreChanges(score, decayChanges(score, decay))).toEqual(NO_SCORE);
    });
  });

  describe('thresholds', () => {
    it('given a score that jumps over both thresholds, then both are crossed, the lower first', () => {
      expect(crossedThresholds(scoring.thresholds, 30, 85).map((threshold) => threshold.id)).toEqual(['mql', 'sql']);
    });

    it('given a score that reaches a threshold exactly, then it is crossed', () => {
      expect(crossedThresholds(scoring.thresholds, 39, 40).map((threshold) => threshold.id)).toEqual(['mql']);
    });

    it('given a score already above a threshold or falling below it, then nothing is crossed', () => {
      expect(crossedThresholds(scoring.thresholds, 45, 60)).toEqual([]);
      expect(crossedThresholds(scoring.thresholds, 45, 30)).toEqual([]);
    });
  });
});

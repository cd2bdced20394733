import { parseBusinessCalendars, type FieldValues } from '@crm/blueprint';
import { assignmentLeadBlueprint } from '../__fixtures__/assignment-lead.blueprint';
import { parseAssignmentRules, type AssignmentRule, type AssignmentTrigger } from '../rules/assignment-rules';
import { planRouting, type RoutingFacts, type RoutingPlan } from './plan-routing';

const calendars = parseBusinessCalendars('calendars: { default: { timeZone: UTC, workingDays: [mon, tue, wed, thu, fri], hours: "09:00-17:00" } }', 'business-calendars.yaml');
const rulesOf = (source: string): readonly AssignmentRule[] =>
  parseAssignmentRules(source, 'lead-assignment.yaml', { lead: assignmentLeadBlueprint(), calendars }).rules;

const EAST = ['ann', 'bob', 'cid', 'dee'];
const NOW = new Date('2026-03-02T10:00:00.000Z');

/** A desk of facts the tests change one at a time; the planner only reads them. */
const factsFor = (overrides: Partial<RoutingFacts> & { readonly fields?: FieldValues; readonly picks?: Map<string, string> } = {}): RoutingFacts => {
  const picks = overrides.picks ?? new Map<string, string>();
  return {
    now: NOW,
    trigger: 'intake',
    lead: { fields: overrides.fields ?? { source: 'web' }, left: {} },
    reps: (team) => (team === 'east' ? EAST : team === 'west' ? ['wes'] : []),
    absences: new Map(),
    openLeads: new Map(),
    offHours: () => null,
    cooldown: null,
    lastPick: (rule) => picks.get(rule) ?? null,
    ...overrides,
  };
};

/** Routes `count` leads one after another, as the router does: each pick moves the cursor and adds an open lead. */
const routeMany = (rules: readonly AssignmentRule[], count: number, facts: Partial<RoutingFacts> = {}): { plans: RoutingPlan[]; held: Map<string, number> } => {
  const picks = new Map<string, string>();
  const held = new Map<string, number>();
  const plans: RoutingPlan[] = [];
  for (let lead = 0; lead < count; lead += 1) {
    const plan = planRouting(rules, factsFor({ ...facts, picks, openLeads: held }));
    plans.push(plan);
    if (plan.rep !== null && plan.rule !== null) {
      picks.set(plan.rule, plan.rep);
      held.set(plan.rep, (held.get(plan.rep) ?? 0) + 1);
    }
  }
  return { plans, held };
};

const spread = (held: Map<string, number>, reps: readonly string[]): number[] => reps.map((rep) => held.get(rep) ?? 0);

describe('routing a lead by the assignment rules', () => {
  describe('round robin', () => {
    const rules = rulesOf('rules: [{ id: east-all, team: east, strategy: round_robin }]');

    it('given 4 reps, when 100 leads are routed, then each rep gets 25 (within ±1), in turn', () => {
      const { plans, held } = routeMany(rules, 100);
      const counts = spread(held, EAST);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(100);
      expect(plans.slice(0, 5).map((plan) => plan.rep)).toEqual(['ann', 'bob', 'cid', 'dee', 'ann']);
      expect(plans[1].reason).toBe('round robin in team east: bob, next after ann');
    });

    it('given a cap of 10 open leads per rep and a lower cap for bob, when 50 leads are routed, then nobody goes over and the rest wait in east’s pool naming the cap', () => {
      const capped = rulesOf('rules: [{ id: east-all, team: east, strategy: round_robin, capacity: { default: 10, bob: 4 } }]');
      const { plans, held } = routeMany(capped, 50);
      expect(spread(held, EAST)).toEqual([10, 4, 10, 10]);
      const pooled = plans.filter((plan) => plan.rep === null);
      expect(pooled).toHaveLength(16);
      expect(pooled[0]).toMatchObject({ rule: 'east-all', team: 'east' });
      expect(pooled[0].verdicts[0].skipped).toContainEqual({ rep: 'bob', reason: 'at capacity: holds 4 open leads, the cap is 4' });
      expect(pooled[0].reason).toBe('no rep of team east can take it (ann: at capacity: holds 10 open leads, the cap is 10; bob: at capacity: holds 4 open leads, the cap is 4; cid: at capacity: holds 10 open leads, the cap is 10; dee: at capacity: holds 10 open leads, the cap is 10)');
    });

    it('given bob is absent, when 30 leads are routed, then bob gets none and the others share them evenly', () => {
      const absent = new Map([['bob', { absenceId: 'a1', user: 'bob', from: '2026-03-01T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', reason: 'vacation' }]]);
      const { plans, held } = routeMany(rules, 30, { absences: absent });
      expect(spread(held, EAST)).toEqual([10, 0, 10, 10]);
      expect(plans[0].verdicts[0].skipped).toEqual([{ rep: 'bob', reason: 'absent from 2026-03-01T00:00:00.000Z until 2026-03-09T00:00:00.000Z (vacation)' }]);
    });

    it('given the cursor names a rep who left the team, when routed, then the turn goes to the next rep in order after that name', () => {
      const plan = planRouting(rules, factsFor({ picks: new Map([['east-all', 'bud']]) }));
      expect(plan.rep).toBe('cid');
    });
  });

  describe('balanced', () => {
    const rules = rulesOf('rules: [{ id: east-balanced, team: east, strategy: balanced }]');

    it('given open leads held 5, 2, 7, 2, when a lead is routed, then the first in turn of those holding the fewest gets it', () => {
      const facts = factsFor({ openLeads: new Map([['ann', 5], ['bob', 2], ['cid', 7], ['dee', 2]]), picks: new Map([['east-balanced', 'bob']]) });
      const plan = planRouting(rules, facts);
      expect(plan.rep).toBe('dee');
      expect(plan.reason).toBe('balanced in team east: dee holds the fewest open leads (2)');
    });

    it('given uneven loads, when 20 leads are routed, then they even out', () => {
      const held = new Map([['ann', 8], ['bob', 0], ['cid', 4], ['dee', 0]]);
      for (let lead = 0; lead < 20; lead += 1) {
        const plan = planRouting(rules, factsFor({ openLeads: held }));
        if (plan.rep !== null) held.set(plan.rep, (held.get(plan.rep) ?? 0) + 1);
      }
      expect(spread(held, EAST)).toEqual([8, 8, 8, 8]);
    });
  });

  describe('rules in order', () => {
    const rules = rulesOf(`
rules:
  - { id: partners-west, match: { source: [partner, referral] }, team: west }
  - { id: big-budgets, when: "budget >= 100000.0", team: east, strategy: balanced, on: [intake] }
  - { id: everyone, team: east }
`);

    it('given a web lead with a big budget, when routed, then the first rule is passed over naming why and the second assigns it', () => {
      const plan = planRouting(rules, factsFor({ fields: { source: 'web', budget: 250000 } }));
      expect(plan).toMatchObject({ rule: 'big-budgets', team: 'east', strategy: 'balanced', rep: 'ann' });
      expect(plan.verdicts.map(({ rule, matched, why }) => ({ rule, matched, why }))).toEqual([
        { rule: 'partners-west', matched: false, why: ['source is "web", not one of partner, referral'] },
        { rule: 'big-budgets', matched: true, why: ['budget >= 100000.0 holds'] },
      ]);
    });

    it('given the same lead back in the pool, when routed on return, then the intake-only rule does not apply', () => {
      const plan = planRouting(rules, factsFor({ trigger: 'return' as AssignmentTrigger, fields: { source: 'web', budget: 250000 } }));
      expect(plan.rule).toBe('everyone');
      expect(plan.verdicts[1]).toMatchObject({ rule: 'big-budgets', matched: false, why: ['applies on intake only, not on return'] });
    });

    it('given every rep of the matching team is away, when routed, then the next matching rule takes it', () => {
      const facts = factsFor({
        fields: { source: 'partner' },
        absences: new Map([['wes', { absenceId: 'a2', user: 'wes', from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', reason: 'sick' }]]),
      });
      const plan = planRouting(rules, facts);
      expect(plan).toMatchObject({ rule: 'everyone', rep: 'ann' });
      expect(plan.verdicts[0]).toMatchObject({ rule: 'partners-west', matched: true, skipped: [{ rep: 'wes', reason: expect.stringContaining('absent') }] });
    });

    it('given a condition over an empty field, when routed, then the rule does not match and says which field has no value', () => {
      const plan = planRouting(rules, factsFor({ fields: { source: 'web' } }));
      expect(plan.verdicts[1]).toMatchObject({ matched: false, why: ['budget >= 100000.0 does not hold (budget has no value)'] });
    });

    it('given no rule matches, when routed, then the lead stays in everyone’s pool saying so', () => {
      const only = rulesOf('rules: [{ id: partners-west, match: { source: partner }, team: west }]');
      expect(planRouting(only, factsFor({ fields: {} }))).toMatchObject({ rule: null, team: null, rep: null, reason: 'no rule matches' });
    });
  });

  describe('who may take a lead now', () => {
    it('given a rule that keeps working hours, when a rep’s team is closed, then that rep is passed over with the reason', () => {
      const rules = rulesOf('rules: [{ id: east-hours, team: east, workingHours: true }]');
      const plan = planRouting(rules, factsFor({ offHours: (rep) => (rep === 'ann' ? 'outside working hours (calendar default)' : null) }));
      expect(plan.rep).toBe('bob');
      expect(plan.verdicts[0].skipped).toEqual([{ rep: 'ann', reason: 'outside working hours (calendar default)' }]);
    });

    it('given ann lost this lead to the pool a day ago and a 3-day cool-down, when it is routed again, then ann is passed over until then', () => {
      const rules = rulesOf('rules: [{ id: east-all, team: east }]');
      const facts = factsFor({ trigger: 'return', cooldown: 'P3D', lead: { fields: {}, left: { ann: '2026-03-01T10:00:00.000Z' } } });
      const plan = planRouting(rules, facts);
      expect(plan.rep).toBe('bob');
      expect(plan.verdicts[0].skipped).toEqual([{ rep: 'ann', reason: 'lost this lead to the pool at 2026-03-01T10:00:00.000Z; cool-down until 2026-03-04T10:00:00.000Z' }]);
    });

    it('given a team without reps, when routed, then the lead waits in that team’s pool saying so', () => {
      const rules = rulesOf('rules: [{ id: north, team: north }]');
      expect(planRouting(rules, factsFor())).toMatchObject({ rule: 'north', team: 'north', rep: null, reason: 'no rep of team north can take it (the users file has no rep in team north)' });
    });
  });
});

import { standardCalendars, type Actor } from '@crm/blueprint';
import { poolLeadBlueprint } from '../__fixtures__/pool-lead/pool-lead.blueprint';
import { RecordScenario, type ScenarioOutcome } from '../testing/record-scenario';
import { businessTiming } from '../timers/timing';
import type { RecordCommandBase } from '../record/record-command';
import { commandProblems } from '../record/validate-command';
import { leadPoolOf } from './lead-pool.part';
import { POOL_INACTIVITY_TIMER, type PoolSettings } from './pool-settings';

const rita: Actor = { id: 'rita', roles: ['rep'] };
const raj: Actor = { id: 'raj', roles: ['rep'] };
const ada: Actor = { id: 'ada', roles: ['admin'] };
const router: Actor = { id: 'system:reactor:lead-assignment', roles: [] };
const activity: Actor = { id: 'system:reactor:lead-activity', roles: [] };

const TEAMS: Record<string, string> = { rita: 'east', raj: 'east', ken: 'west' };
const timing = businessTiming(standardCalendars(), (user) => TEAMS[user] ?? null);
const POOL: PoolSettings = { claimCap: 2, cooldown: 'P3D', returnAfter: { after: 'P5D' } };
const START = new Date('2026-03-02T09:00:00.000Z');

const poolLead = (pool: PoolSettings = POOL): RecordScenario =>
  new RecordScenario(poolLeadBlueprint(), ada, START, 'lead-1', timing, undefined, pool).given({ type: 'OpenRecord', owner: null, fields: { name: 'Lee Park' } });

const types = (outcome: ScenarioOutcome): string[] => {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.events.map((event) => event.type);
};

const refusal = (outcome: ScenarioOutcome): { code: string; message: string; details: Record<string, unknown> } => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.events.map((event) => event.type).join(', ')}`);
  return { code: outcome.error.code, message: outcome.error.message, details: outcome.error.details };
};

const dataOf = (outcome: ScenarioOutcome, type: string): Record<string, unknown> => {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}`);
  const event = outcome.events.find((candidate) => candidate.type === type);
  if (event === undefined) throw new Error(`no ${type} among ${outcome.events.map((candidate) => candidate.type).join(', ')}`);
  return event.data as Record<string, unknown>;
};

describe('lead pool slice', () => {
  describe('assignment by rule', () => {
    it('given an unowned lead, when the router assigns it by a rule, then OwnerChanged names the rule and the owner clocks start for the new owner', () => {
      const lead = poolLead();
      const assigned = lead.when({ type: 'AssignLead', owner: 'rita', rule: 'east-web', reason: 'round robin in team east', actor: router });
      expect(types(assigned)).toEqual(['OwnerChanged', 'TimerCancelled', 'TimerCancelled', 'TimerScheduled', 'TimerScheduled']);
      expect(dataOf(assigned, 'OwnerChanged')).toEqual({ recordId: 'lead-1', from: null, to: 'rita', rule: 'east-web', reason: 'round robin in team east' });
      expect(lead.current.owner).toBe('rita');
    });

    it('given a lead a rep claimed meanwhile, when the router assigns it, then nothing is stored: the claim stands', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: raj });
      expect(types(lead.when({ type: 'AssignLead', owner: 'rita', rule: 'east-web', reason: 'round robin', actor: router }))).toEqual([]);
      expect(lead.current.owner).toBe('raj');
    });

    it('given no rep a rule could take, when the router pools the lead, then LeadPooled names the team and rule and the lead is in that team’s pool', () => {
      const lead = poolLead();
      const pooled = lead.when({ type: 'PoolLead', team: 'west', rule: 'west-partners', reason: 'every rep of team west is absent', actor: router });
      expect(dataOf(pooled, 'LeadPooled')).toEqual({ recordId: 'lead-1', team: 'west', rule: 'west-partners', reason: 'every rep of team west is absent' });
      expect(leadPoolOf(lead.current)).toMatchObject({ team: 'west', rule: 'west-partners' });
    });

    it('given a lead its owner released to team east’s pool, when no rule matches it on return, then it stays in east’s pool', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita }, { type: 'ReleaseLead', reason: 'Not mine', actor: rita });
      expect(dataOf(lead.when({ type: 'PoolLead', team: null, rule: null, reason: 'no rule matches', actor: router }), 'LeadPooled')).toMatchObject({ team: 'east', rule: null });
      expect(leadPoolOf(lead.current).team).toBe('east');
    });
  });

  describe('release', () => {
    it('when a release names no reason, or a claim is of another kind, then the command’s problems name the field', () => {
      const envelope = { commandId: 'cmd-1', actor: rita, recordId: 'lead-1' };
      expect(commandProblems({ ...envelope, type: 'ReleaseLead', kind: 'lead', reason: '' } as RecordCommandBase)).toEqual([
        'reason: expected a non-empty string of at most 500 characters',
      ]);
      expect(commandProblems({ ...envelope, type: 'ClaimLead', kind: 'opportunity', held: 0 } as RecordCommandBase)).toEqual(['kind: only leads have a pool, not opportunity']);
    });

    it('when the owner releases with a reason, then the lead returns to the pool of the owner’s team with the reason recorded', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita });
      const released = lead.when({ type: 'ReleaseLead', reason: 'Wrong region for me', actor: rita });
      expect(dataOf(released, 'OwnerChanged')).toEqual({ recordId: 'lead-1', from: 'rita', to: null, reason: 'Wrong region for me', team: 'east' });
      expect(lead.current.owner).toBeNull();
      expect(leadPoolOf(lead.current)).toEqual({ team: 'east', rule: null, left: { rita: START.toISOString() } });
    });

    it('given a lead already in the pool, when it is released, then LEAD_ALREADY_IN_POOL', () => {
      expect(refusal(poolLead().when({ type: 'ReleaseLead', reason: 'no', actor: ada })).code).toBe('LEAD_ALREADY_IN_POOL');
    });
  });

  describe('claims', () => {
    it('given a rep holding as many leads as the cap, when she claims another, then CLAIM_CAP_REACHED names the cap', () => {
      const refused = refusal(poolLead().when({ type: 'ClaimLead', held: 2, actor: rita }));
      expect(refused.code).toBe('CLAIM_CAP_REACHED');
      expect(refused.details).toEqual({ cap: 2, held: 2 });
      expect(refused.message).toContain('2');
    });

    it('given no cap, when a rep holding many leads claims, then it is hers', () => {
      const lead = poolLead({ ...POOL, claimCap: null });
      expect(dataOf(lead.when({ type: 'ClaimLead', held: 500, actor: rita }), 'OwnerChanged')).toMatchObject({ from: null, to: 'rita', reason: 'claimed from the pool' });
    });

    it('given a lead another rep owns, when a manager-level actor claims it, then LEAD_NOT_IN_POOL names nothing but the fact', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita });
      expect(refusal(lead.when({ type: 'ClaimLead', held: 0, actor: ada })).code).toBe('LEAD_NOT_IN_POOL');
    });

    it('given the claimer already owns the lead, when she claims it again, then nothing is stored', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita });
      expect(types(lead.when({ type: 'ClaimLead', held: 1, actor: rita }))).toEqual([]);
    });

    it('given rita released the lead, when she claims it back within the cool-down, then CLAIM_COOLDOWN names when she may; raj may claim it at once', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita }, { type: 'ReleaseLead', reason: 'Not mine', actor: rita });
      lead.at('2026-03-04T09:00:00.000Z');
      const refused = refusal(lead.when({ type: 'ClaimLead', held: 0, actor: rita }));
      expect(refused.code).toBe('CLAIM_COOLDOWN');
      expect(refused.details).toEqual({ until: '2026-03-05T09:00:00.000Z', cooldown: 'P3D' });
      expect(refused.message).toContain('2026-03-05T09:00:00.000Z');
      expect(dataOf(lead.when({ type: 'ClaimLead', held: 0, actor: raj }), 'OwnerChanged')).toMatchObject({ to: 'raj' });
    });

    it('given rita released the lead, when she claims it once the cool-down is over, then it is hers again', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita }, { type: 'ReleaseLead', reason: 'Not mine', actor: rita });
      lead.at('2026-03-05T09:00:00.000Z');
      expect(dataOf(lead.when({ type: 'ClaimLead', held: 0, actor: rita }), 'OwnerChanged')).toMatchObject({ to: 'rita' });
    });
  });

  describe('return after N days without activity', () => {
    const inactivityTimers = (lead: RecordScenario) => lead.current.timers.filter((timer) => timer.timer === POOL_INACTIVITY_TIMER);

    it('given an owned lead, when activity is reported, then a return timer is set N days after it; later activity moves it, earlier activity does not', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita });
      expect(types(lead.when({ type: 'KeepLeadActive', activityAt: '2026-03-02T09:00:00.000Z', actor: activity }))).toEqual(['TimerScheduled']);
      expect(inactivityTimers(lead).map((timer) => timer.dueAt)).toEqual(['2026-03-07T09:00:00.000Z']);
      expect(types(lead.at('2026-03-03T10:00:00.000Z').when({ type: 'KeepLeadActive', activityAt: '2026-03-03T10:00:00.000Z', actor: activity }))).toEqual([
        'TimerCancelled',
        'TimerScheduled',
      ]);
      expect(inactivityTimers(lead).map((timer) => timer.dueAt)).toEqual(['2026-03-08T10:00:00.000Z']);
      // Redelivered or late news of older activity changes nothing.
      expect(types(lead.when({ type: 'KeepLeadActive', activityAt: '2026-03-02T12:00:00.000Z', actor: activity }))).toEqual([]);
    });

    it('given the timer is due, when it fires, then the lead returns to the pool of its owner’s team and rita is cooled down', () => {
      const lead = poolLead().given({ type: 'ClaimLead', held: 0, actor: rita }, { type: 'FireTransition', event: 'contact', actor: rita });
      lead.given({ type: 'KeepLeadActive', activityAt: START.toISOString(), actor: activity });
      lead.at('2026-03-07T09:00:00.000Z');
      const fired = lead.fireDueTimers();
      expect(fired.map(types)).toEqual([['TimerFired', 'OwnerChanged']]);
      expect(dataOf(fired[0], 'OwnerChanged')).toMatchObject({ from: 'rita', to: null, team: 'east' });
      expect(leadPoolOf(lead.current)).toMatchObject({ team: 'east', left: { rita: '2026-03-07T09:00:00.000Z' } });
      expect(refusal(lead.when({ type: 'ClaimLead', held: 0, actor: rita })).code).toBe('CLAIM_COOLDOWN');
    });

    it('given an unowned lead or no return rule, when activity is reported, then no timer is set', () => {
      expect(types(poolLead().when({ type: 'KeepLeadActive', activityAt: START.toISOString(), actor: activity }))).toEqual([]);
      const unruled = poolLead({ ...POOL, returnAfter: null }).given({ type: 'ClaimLead', held: 0, actor: rita });
      expect(types(unruled.when({ type: 'KeepLeadActive', activityAt: START.toISOString(), actor: activity }))).toEqual([]);
    });
  });
});

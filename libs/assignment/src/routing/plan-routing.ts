import { addPlainTime, type FieldValues } from '@crm/blueprint';
import type { AssignmentRule, AssignmentStrategy, AssignmentTrigger } from '../rules/assignment-rules';
import { matchRule } from '../rules/match-rule';
import type { Absence } from '../availability/absence';

/** A rep a rule passed over, and why. */
export interface SkippedRep {
  readonly rep: string;
  readonly reason: string;
}

/** One rule as the router tried it, in the order of the file. */
export interface RuleVerdict {
  readonly rule: string;
  readonly matched: boolean;
  readonly why: readonly string[];
  /** Reps of the rule's team it passed over (a matched rule only). */
  readonly skipped: readonly SkippedRep[];
}

/** Where a lead goes, and everything said on the way (stored in `LeadRouted`, printed by `crm assignment test`). */
export interface RoutingPlan {
  /** The rule that assigned the lead, or (no rep) the first that matched; null when none did. */
  readonly rule: string | null;
  readonly team: string | null;
  readonly strategy: AssignmentStrategy | null;
  /** null: the lead waits in `team`'s pool (everyone's when null). */
  readonly rep: string | null;
  readonly reason: string;
  /** Every rule tried, until the one that decided. */
  readonly verdicts: readonly RuleVerdict[];
}

/** What routing a lead is decided on, gathered by the router before it decides (a decision reads nothing itself). */
export interface RoutingFacts {
  readonly now: Date;
  readonly trigger: AssignmentTrigger;
  readonly lead: { readonly fields: FieldValues; readonly left: Readonly<Record<string, string>> };
  /** The reps of a team as the users file lists them now. */
  readonly reps: (team: string) => readonly string[];
  /** Who is absent now, by rep. */
  readonly absences: ReadonlyMap<string, Absence>;
  /** Open leads each rep holds now (missing: none). */
  readonly openLeads: ReadonlyMap<string, number>;
  /** Why a rep is outside working hours now; null when inside. */
  readonly offHours: (rep: string) => string | null;
  /** The pool's cool-down (ISO-8601 duration): a rep who lost this lead to the pool is not given it again before it ends. */
  readonly cooldown: string | null;
  /** The rep the rule last gave a lead to (the round robin's cursor, from the rule's `LeadRouted` events). */
  readonly lastPick: (rule: string) => string | null;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The team's reps in turn: the first one after the last pick (by id), wrapping around. */
export const inTurn = (reps: readonly string[], lastPick: string | null): string[] => {
  const ordered = [...reps].sort(byId);
  if (lastPick === null) return ordered;
  const next = ordered.findIndex((rep) => byId(rep, lastPick) > 0);
  return next === -1 ? ordered : [...ordered.slice(next), ...ordered.slice(0, next)];
};

const capOf = (rule: AssignmentRule, rep: string): number | null => rule.capacity.reps[rep] ?? rule.capacity.default;

/** Why `rep` cannot take the lead under `rule` now, or null when they can. */
const whyNot = (rule: AssignmentRule, rep: string, facts: RoutingFacts): string | null => {
  const absence = facts.absences.get(rep);
  if (absence !== undefined) return `absent from ${absence.from} until ${absence.to} (${absence.reason})`;
  if (rule.workingHours) {
    const off = facts.offHours(rep);
    if (off !== null) return off;
  }
  const cap = capOf(rule, rep);
  const held = facts.openLeads.get(rep) ?? 0;
  if (cap !== null && held >= cap) return `at capacity: holds ${held} open leads, the cap is ${cap}`;
  const left = facts.lead.left[rep];
  if (facts.cooldown !== null && left !== undefined) {
    const until = addPlainTime(new Date(left), facts.cooldown);
    if (facts.now < until) return `lost this lead to the pool at ${left}; cool-down until ${until.toISOString()}`;
  }
  return null;
};

const pick = (rule: AssignmentRule, eligible: readonly string[], facts: RoutingFacts): { rep: string; reason: string } => {
  const last = facts.lastPick(rule.id);
  const turn = inTurn(eligible, last);
  if (rule.strategy === 'balanced') {
    const fewest = Math.min(...turn.map((rep) => facts.openLeads.get(rep) ?? 0));
    const rep = turn.find((candidate) => (facts.openLeads.get(candidate) ?? 0) === fewest) ?? turn[0];
    return { rep, reason: `balanced in team ${rule.team}: ${rep} holds the fewest open leads (${fewest})` };
  }
  const rep = turn[0];
  return { rep, reason: `round robin in team ${rule.team}: ${rep}, ${last === null ? 'the first in turn' : `next after ${last}`}` };
};

const nobodyCan = (rule: AssignmentRule, skipped: readonly SkippedRep[]): string =>
  `no rep of team ${rule.team} can take it (${skipped.length === 0 ? `the users file has no rep in team ${rule.team}` : skipped.map(({ rep, reason }) => `${rep}: ${reason}`).join('; ')})`;

/**
 * Pure: the rules in order; the first that matches and has a rep who can take the lead assigns it by
 * its strategy. A rule whose reps are all away, off hours, at capacity or cooling down passes the lead
 * on to the next rule. When no rule assigns it, the lead waits in the pool of the first matching rule's
 * team (everyone's when no rule matched) — README, Assignment rules.
 */
export const planRouting = (rules: readonly AssignmentRule[], facts: RoutingFacts): RoutingPlan => {
  const verdicts: RuleVerdict[] = [];
  let firstMatched: { rule: AssignmentRule; skipped: readonly SkippedRep[] } | null = null;
  for (const rule of rules) {
    const match = matchRule(rule, facts.lead.fields, facts.trigger);
    if (!match.matched) {
      verdicts.push({ rule: rule.id, matched: false, why: match.why, skipped: [] });
      continue;
    }
    const team = [...facts.reps(rule.team)].sort(byId);
    const skipped = team.flatMap((rep) => {
      const reason = whyNot(rule, rep, facts);
      return reason === null ? [] : [{ rep, reason }];
    });
    verdicts.push({ rule: rule.id, matched: true, why: match.why, skipped });
    const eligible = team.filter((rep) => !skipped.some((skip) => skip.rep === rep));
    if (eligible.length > 0) {
      const { rep, reason } = pick(rule, eligible, facts);
      return { rule: rule.id, team: rule.team, strategy: rule.strategy, rep, reason, verdicts };
    }
    firstMatched ??= { rule, skipped };
  }
  if (firstMatched === null) return { rule: null, team: null, strategy: null, rep: null, reason: rules.length === 0 ? 'there are no assignment rules' : 'no rule matches', verdicts };
  const { rule, skipped } = firstMatched;
  return { rule: rule.id, team: rule.team, strategy: rule.strategy, rep: null, reason: nobodyCan(rule, skipped), verdicts };
};

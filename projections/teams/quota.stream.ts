import type { DecidedEvent, StreamFold } from '@crm/command-handler';
import type { StoredEvent } from '@crm/event-store';
import { periodKindOf, periodOfInstant, periodStart } from '../shared/business-time';
import { toCents } from '../shared/money';

export type QuotaScope = 'owner' | 'team';

/** A target for a period: an owner's or a team's closed won to reach, in the forecast's currency. */
export interface Quota {
  readonly scope: QuotaScope;
  /** The owner's or the team's name. */
  readonly name: string;
  /** `YYYY-MM` or `YYYY-Qn`. */
  readonly period: string;
  readonly amount: number;
  /** ISO 4217, e.g. `USD`. */
  readonly currency: string;
}

export const QUOTA_SET = 'QuotaSet';

/** Quotas are stored as events, one stream per owner or team, so the audit trail holds who set which target. */
export const QUOTA_STREAM_PREFIX = '_quota-';

export const quotaStream = (scope: QuotaScope, name: string): string => `${QUOTA_STREAM_PREFIX}${scope}-${name}`;

/** What one owner's or team's quota stream says: the quota in force per period. */
export interface QuotaStreamState {
  readonly byPeriod: ReadonlyMap<string, { readonly amount: number; readonly currency: string }>;
}

export const quotaOfEvent = (event: StoredEvent): Quota => ({
  scope: event.data['scope'] === 'team' ? 'team' : 'owner',
  name: String(event.data['name']),
  period: String(event.data['period']),
  amount: Number(event.data['amount']),
  currency: String(event.data['currency']),
});

export const quotaFold: StreamFold<QuotaStreamState> = {
  initialState: () => ({ byPeriod: new Map() }),
  evolve: (state, events) => {
    const byPeriod = new Map(state.byPeriod);
    for (const event of events) {
      if (event.type !== QUOTA_SET) continue;
      const quota = quotaOfEvent(event);
      byPeriod.set(quota.period, { amount: quota.amount, currency: quota.currency });
    }
    return { byPeriod };
  },
};

const currencyPattern = /^[A-Z]{3}$/;

/** A period that exists: `2017-13` has the shape of a month but is none. */
const isPeriod = (period: string): boolean => {
  try {
    return periodOfInstant(periodStart(period), periodKindOf(period)) === period;
  } catch {
    return false;
  }
};

const periodProblem = (period: string): string | null =>
  isPeriod(period) ? null : `period: "${period}" is not a period (YYYY-MM or YYYY-Qn)`;

/** Everything wrong with a quota, at once; empty when it can be stored. */
export const quotaProblems = (quota: Quota): string[] => {
  const cents = toCents(quota.amount);
  return [
    quota.scope === 'owner' || quota.scope === 'team' ? null : `scope: "${String(quota.scope)}" is neither owner nor team`,
    quota.name.trim() !== '' && quota.name.length <= 200 ? null : 'name: expected a name of 1 to 200 characters',
    periodProblem(quota.period),
    cents !== null && cents >= 0 && cents / 100 === quota.amount ? null : `amount: ${String(quota.amount)} is not an amount ≥ 0 in whole cents`,
    currencyPattern.test(quota.currency) ? null : `currency: "${quota.currency}" is not an ISO 4217 code such as USD`,
  ].filter((problem): problem is string => problem !== null);
};

/** A quota changes only when its amount or currency for the period does: setting it again stores nothing. */
export const decideQuota = (state: QuotaStreamState, quota: Quota): DecidedEvent[] => {
  const current = state.byPeriod.get(quota.period);
  if (current !== undefined && current.amount === quota.amount && current.currency === quota.currency) return [];
  return [{ type: QUOTA_SET, data: { scope: quota.scope, name: quota.name, period: quota.period, amount: quota.amount, currency: quota.currency } }];
};

import { daysBetween } from '../shared/business-time';
import { weightedCents } from '../shared/money';
import { mean, median, percentile } from '../shared/statistics';
import { lastState, stateAt, visitsOf, type DealHistory, type DealState } from './deal-history';

/**
 * The sales metrics (README, "Sales analytics"), as pure functions of deal histories already cut at the
 * moment asked (`historyAsOf`): the same histories give the same figures on any machine.
 */

/** A period in business time: [from, to), ISO instants. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** What a deal is at the moment asked: `won`, `lost` (its final stage's outcome) or `open`. */
export type DealOutcome = 'won' | 'lost' | 'open';
export const DEAL_OUTCOMES: readonly DealOutcome[] = ['won', 'lost', 'open'];

export interface Distribution {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

const inWindow = (at: string, window: Window): boolean => at >= window.from && at < window.to;

/** A `YYYY-MM-DD` date is in the window when its first instant is. */
const dateInWindow = (date: string, window: Window): boolean => inWindow(`${date}T00:00:00.000Z`, window);

export const distribution = (values: readonly number[]): Distribution => ({
  count: values.length,
  mean: mean(values),
  median: median(values),
  p90: percentile(values, 90),
});

export const outcomeOf = (history: DealHistory): DealOutcome => {
  const state = lastState(history);
  if (!state.final) return 'open';
  return state.outcome === 'won' ? 'won' : state.outcome === 'lost' ? 'lost' : 'open';
};

/** The deals that entered a final stage in the window, and are still closed. */
export const closedIn = (histories: readonly DealHistory[], window: Window): DealHistory[] =>
  histories.filter((history) => {
    const state = lastState(history);
    return state.final && state.closedAt !== null && inWindow(state.closedAt, window);
  });

const wonIn = (histories: readonly DealHistory[], window: Window): DealHistory[] =>
  closedIn(histories, window).filter((history) => lastState(history).outcome === 'won');

export interface WinRate {
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost); null when no deal was won or lost in the window. */
  readonly winRate: number | null;
}

/** Win rate over the deals closed in the window: won / (won + lost). Open deals are not in it. */
export const winRate = (histories: readonly DealHistory[], window: Window): WinRate => {
  const closed = closedIn(histories, window);
  const won = closed.filter((history) => lastState(history).outcome === 'won').length;
  const lost = closed.filter((history) => lastState(history).outcome === 'lost').length;
  return { won, lost, winRate: won + lost === 0 ? null : won / (won + lost) };
};

export interface SalesCycle extends Distribution {
  /** The stage the cycle is measured from; null: from opening. */
  readonly fromStage: string | null;
  /** Won deals of the window that never entered `fromStage`, left out. */
  readonly withoutStage: number;
}

/** When a cycle starts: opening, or the first entry into `fromStage` (null when never entered). */
const cycleStart = (history: DealHistory, fromStage: string | null): string | null => {
  if (fromStage === null) return history.openedAt;
  return visitsOf(history).find((visit) => visit.stage === fromStage)?.enteredAt ?? null;
};

/** Sales cycle length in days of the deals won in the window: from opening (or from first entering `fromStage`) to close. */
export const salesCycle = (histories: readonly DealHistory[], window: Window, fromStage: string | null = null): SalesCycle => {
  const days: number[] = [];
  let withoutStage = 0;
  for (const history of wonIn(histories, window)) {
    const start = cycleStart(history, fromStage);
    const closedAt = lastState(history).closedAt as string;
    if (start === null) withoutStage += 1;
    else days.push(daysBetween(start, closedAt));
  }
  return { ...distribution(days), fromStage, withoutStage };
};

export interface StageTime extends Distribution {
  readonly stage: string;
  readonly stageOrder: number;
}

/**
 * Time in stage in days over the visits that ended in the window, of the deals whose outcome at the
 * moment asked is `outcome` (every deal when null), per stage in stage order.
 */
export const timeInStage = (histories: readonly DealHistory[], window: Window, outcome: DealOutcome | null = null): StageTime[] => {
  const byStage = new Map<string, { order: number; days: number[] }>();
  for (const history of histories) {
    if (outcome !== null && outcomeOf(history) !== outcome) continue;
    for (const visit of visitsOf(history)) {
      if (visit.exitedAt === null || !inWindow(visit.exitedAt, window)) continue;
      const entry = byStage.get(visit.stage) ?? { order: visit.stageOrder, days: [] };
      entry.days.push(daysBetween(visit.enteredAt, visit.exitedAt));
      byStage.set(visit.stage, entry);
    }
  }
  return [...byStage]
    .map(([stage, entry]) => ({ stage, stageOrder: entry.order, ...distribution(entry.days) }))
    .sort((a, b) => a.stageOrder - b.stageOrder || (a.stage < b.stage ? -1 : 1));
};

export interface DealSize {
  readonly won: number;
  readonly wonCents: number;
  /** wonCents / won, in cents (not rounded); null without a won deal. */
  readonly averageCents: number | null;
}

/** Average deal size of the deals won in the window (a won deal without an amount counts as 0). */
export const averageDealSize = (histories: readonly DealHistory[], window: Window): DealSize => {
  const won = wonIn(histories, window);
  const wonCents = won.reduce((sum, history) => sum + (lastState(history).amountCents ?? 0), 0);
  return { won: won.length, wonCents, averageCents: won.length === 0 ? null : wonCents / won.length };
};

export interface PipelineVelocity {
  readonly openDeals: number;
  readonly winRate: number | null;
  readonly averageDealSizeCents: number | null;
  readonly cycleDays: number | null;
  /** openDeals × winRate × average deal size / mean cycle length: cents per day; null when a factor is missing or the cycle is 0. */
  readonly centsPerDay: number | null;
}

/** Pipeline velocity: the deals open now, at the win rate, deal size and cycle length of the window. */
export const pipelineVelocity = (histories: readonly DealHistory[], window: Window): PipelineVelocity => {
  const openDeals = histories.filter((history) => !lastState(history).final).length;
  const rate = winRate(histories, window).winRate;
  const size = averageDealSize(histories, window).averageCents;
  const cycle = salesCycle(histories, window).mean;
  const centsPerDay = rate === null || size === null || cycle === null || cycle === 0 ? null : (openDeals * rate * size) / cycle;
  return { openDeals, winRate: rate, averageDealSizeCents: size, cycleDays: cycle, centsPerDay };
};

/**
 * The date that puts a deal in a period, as the forecast reads it: the close date; a closed deal
 * without one counts on the day it entered its final stage; an open deal without one is in no period.
 */
export const periodDateOf = (state: DealState): string | null => state.closeDate ?? (state.final && state.closedAt !== null ? state.closedAt.slice(0, 10) : null);

export interface PipelineCoverage {
  /** Σ amount × probability of the deals open now whose close date is in the period. */
  readonly openWeightedCents: number;
  readonly openDeals: number;
  readonly closedWonCents: number;
  readonly quotaCents: number | null;
  /** max(0, quota − closed won); null without a quota. */
  readonly remainingQuotaCents: number | null;
  /** openWeighted / remaining quota; null without a quota or when it is met. */
  readonly coverage: number | null;
}

/** Pipeline coverage of a period: open weighted pipeline dated in it over the quota still to win. */
export const pipelineCoverage = (histories: readonly DealHistory[], period: Window, quotaCents: number | null): PipelineCoverage => {
  let openWeightedCents = 0;
  let openDeals = 0;
  let closedWonCents = 0;
  for (const history of histories) {
    const state = lastState(history);
    const date = periodDateOf(state);
    if (date === null || !dateInWindow(date, period)) continue;
    if (!state.final) {
      openDeals += 1;
      openWeightedCents += weightedCents(state.amountCents ?? 0, state.probability);
    } else if (state.outcome === 'won') closedWonCents += state.amountCents ?? 0;
  }
  const remainingQuotaCents = quotaCents === null ? null : Math.max(0, quotaCents - closedWonCents);
  const coverage = remainingQuotaCents === null || remainingQuotaCents === 0 ? null : openWeightedCents / remainingQuotaCents;
  return { openWeightedCents, openDeals, closedWonCents, quotaCents, remainingQuotaCents, coverage };
};

/** Days-in-stage buckets: [0, 7), [7, 30), [30, 60), [60, 90), [90, ∞). */
export const AGING_BUCKETS = [
  { label: '0-6', from: 0, to: 7 },
  { label: '7-29', from: 7, to: 30 },
  { label: '30-59', from: 30, to: 60 },
  { label: '60-89', from: 60, to: 90 },
  { label: '90+', from: 90, to: Number.POSITIVE_INFINITY },
] as const;

export interface StageAging {
  readonly stage: string;
  readonly stageOrder: number;
  readonly open: number;
  /** Per bucket label, the open deals that have been in the stage that many days. */
  readonly buckets: Readonly<Record<string, number>>;
}

export const agingBucketOf = (days: number): string => (AGING_BUCKETS.find((bucket) => days >= bucket.from && days < bucket.to) ?? AGING_BUCKETS[0]).label;

/** Stage aging: the deals open at `asOf`, per stage, by days in their stage. */
export const stageAging = (histories: readonly DealHistory[], asOf: string): StageAging[] => {
  const byStage = new Map<string, { order: number; buckets: Record<string, number>; open: number }>();
  for (const history of histories) {
    const state = lastState(history);
    if (state.final) continue;
    const entry = byStage.get(state.stage) ?? { order: state.stageOrder, open: 0, buckets: Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket.label, 0])) };
    entry.open += 1;
    const bucket = agingBucketOf(daysBetween(state.stageEnteredAt, asOf));
    entry.buckets[bucket] += 1;
    byStage.set(state.stage, entry);
  }
  return [...byStage]
    .map(([stage, entry]) => ({ stage, stageOrder: entry.order, open: entry.open, buckets: entry.buckets }))
    .sort((a, b) => a.stageOrder - b.stageOrder || (a.stage < b.stage ? -1 : 1));
};

export interface Slip {
  readonly recordId: string;
  /** When the close date moved. */
  readonly at: string;
  readonly fromDate: string;
  readonly toDate: string;
}

export interface Slippage {
  /** Deals whose close date moved out of the period, each counted once (its first slip). */
  readonly deals: number;
  /** Their amount at the moment asked. */
  readonly amountCents: number;
  readonly slips: readonly Slip[];
}

/**
 * Slippage of a period: open deals whose close date, once inside the period, was moved to a date after
 * it (read from the history: every change of close date while the deal was open).
 */
export const slippage = (histories: readonly DealHistory[], period: Window): Slippage => {
  const slips: Slip[] = [];
  let amountCents = 0;
  for (const history of histories) {
    for (let index = 1; index < history.states.length; index += 1) {
      const before = history.states[index - 1];
      const after = history.states[index];
      if (before.final || before.closeDate === null || after.closeDate === null) continue;
      if (dateInWindow(before.closeDate, period) && `${after.closeDate}T00:00:00.000Z` >= period.to) {
        slips.push({ recordId: history.recordId, at: after.validFrom, fromDate: before.closeDate, toDate: after.closeDate });
        amountCents += lastState(history).amountCents ?? 0;
        break;
      }
    }
  }
  return { deals: slips.length, amountCents, slips };
};

export interface CategoryAccuracy {
  readonly category: string;
  /** Deals open at the period's start in this category with a close date in the period. */
  readonly forecastDeals: number;
  /** Their amount at the period's start. */
  readonly forecastCents: number;
  /** Of those, the ones won with their close date in the period, as of the moment asked, and their amount then. */
  readonly wonDeals: number;
  readonly wonCents: number;
  /** wonCents / forecastCents; null when nothing was forecast. */
  readonly accuracy: number | null;
}

/**
 * Forecast accuracy per forecast category: what each category held at the start of the period (deals
 * open then, dated in it) against what of it was won in the period.
 */
export const forecastAccuracyByCategory = (histories: readonly DealHistory[], period: Window): CategoryAccuracy[] => {
  const byCategory = new Map<string, { forecastDeals: number; forecastCents: number; wonDeals: number; wonCents: number }>();
  for (const history of histories) {
    const atStart = stateAt(history, period.from);
    if (atStart === null || atStart.final || atStart.closeDate === null || !dateInWindow(atStart.closeDate, period)) continue;
    const entry = byCategory.get(atStart.forecastCategory) ?? { forecastDeals: 0, forecastCents: 0, wonDeals: 0, wonCents: 0 };
    entry.forecastDeals += 1;
    entry.forecastCents += atStart.amountCents ?? 0;
    const now = lastState(history);
    const date = periodDateOf(now);
    if (now.final && now.outcome === 'won' && date !== null && dateInWindow(date, period)) {
      entry.wonDeals += 1;
      entry.wonCents += now.amountCents ?? 0;
    }
    byCategory.set(atStart.forecastCategory, entry);
  }
  return [...byCategory]
    .map(([category, entry]) => ({ category, ...entry, accuracy: entry.forecastCents === 0 ? null : entry.wonCents / entry.forecastCents }))
    .sort((a, b) => (a.category < b.category ? -1 : 1));
};

export interface StageReconciliation {
  readonly stage: string;
  readonly stageOrder: number;
  /** In the stage just before the period starts. */
  readonly atStart: number;
  readonly entered: number;
  readonly left: number;
  /** In the stage at the period's last instant. */
  readonly atEnd: number;
  /** atStart + entered − left − atEnd: 0 when the history is consistent. */
  readonly difference: number;
}

/** In stage at instant `at`: the visits entered at or before it and not yet left. */
const inStageAt = (visits: ReturnType<typeof visitsOf>, stage: string, at: string): boolean =>
  visits.some((visit) => visit.stage === stage && visit.enteredAt <= at && (visit.exitedAt === null || visit.exitedAt > at));

const justBefore = (instant: string): string => new Date(Date.parse(instant) - 1).toISOString();

/** Per stage of a period: in stage at start + entered − left = in stage at end, counted from the stage visits. */
export const reconcile = (histories: readonly DealHistory[], period: Window): StageReconciliation[] => {
  const byStage = new Map<string, { order: number; atStart: number; entered: number; left: number; atEnd: number }>();
  const start = justBefore(period.from);
  const end = justBefore(period.to);
  for (const history of histories) {
    const visits = visitsOf(history);
    for (const visit of visits) {
      const entry = byStage.get(visit.stage) ?? { order: visit.stageOrder, atStart: 0, entered: 0, left: 0, atEnd: 0 };
      byStage.set(visit.stage, entry);
      if (inWindow(visit.enteredAt, period)) entry.entered += 1;
      if (visit.exitedAt !== null && inWindow(visit.exitedAt, period)) entry.left += 1;
    }
    for (const [stage, entry] of byStage) {
      if (inStageAt(visits, stage, start)) entry.atStart += 1;
      if (inStageAt(visits, stage, end)) entry.atEnd += 1;
    }
  }
  return [...byStage]
    .map(([stage, entry]) => ({ stage, stageOrder: entry.order, ...entry, difference: entry.atStart + entry.entered - entry.left - entry.atEnd }))
    .map(({ order: _order, ...row }) => row)
    .sort((a, b) => a.stageOrder - b.stageOrder || (a.stage < b.stage ? -1 : 1));
};

import type { FieldValues } from '@crm/blueprint';

/**
 * A demo pipeline for the default blueprints, every deal a walk through the opportunity blueprint's
 * guarded transitions at dated business times before the day the plan is made for: closed deals over the
 * last year (so the funnel and forecast have something to show) and open deals advanced in the last weeks.
 * Each step carries the fields its exit criteria need. Seeded and anchored on the day, so the same seed on
 * the same day gives the same demo and a rerun stores nothing new.
 */
export interface DemoStep {
  readonly event: string;
  readonly fields: FieldValues;
  /** Business time of the step, ISO UTC. */
  readonly at: string;
}

export interface DemoDeal {
  readonly recordId: string;
  readonly owner: string;
  /** Business time the deal is opened, ISO UTC. */
  readonly openedAt: string;
  readonly fields: FieldValues;
  /** Guarded transitions to fire, in order, each with the fields it needs. */
  readonly steps: readonly DemoStep[];
}

export interface DemoLead {
  readonly recordId: string;
  readonly openedAt: string;
  readonly fields: FieldValues;
}

export interface DemoPipeline {
  /** The UTC day the plan is made for (`YYYY-MM-DD`); every business time is before it. */
  readonly day: string;
  /** Deals still open, some steps along the path. */
  readonly open: readonly DemoDeal[];
  /** Deals that ended won (the whole path, then `close_won`) or lost (part of it, then `close_lost`). */
  readonly closed: readonly DemoDeal[];
  readonly poolLeads: readonly DemoLead[];
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Vandelay'];
const PRODUCTS = ['platform', 'renewal', 'expansion', 'pilot', 'migration', 'support plan'];
const PEOPLE = ['Hank Scorpio', 'Bill Lumbergh', 'Gavin Belson', 'Pepper Potts', 'Lucius Fox', 'Eldon Tyrell', 'Miles Dyson'];
const SOURCES = ['web', 'referral', 'event', 'outbound', 'partner'];
const LOSS_REASONS = ['price', 'competitor', 'no_decision', 'no_budget', 'timing'];
/** The opportunity blueprint's open path, in order; `close_won` follows only its last step. */
const OPEN_PATH = ['analyze_needs', 'propose', 'negotiate', 'request_approval'] as const;
const DAY_MS = 24 * 3600 * 1000;

/** mulberry32: small, seedable, good enough for demo data. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const dateOnly = (time: number): string => new Date(time).toISOString().slice(0, 10);
const instant = (time: number): string => new Date(time).toISOString();

/** The midnight (UTC) that starts the day of `now`. */
const startOfDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** What each step of the open path needs to pass its guards (budget, decision maker, timeline; a proposal). */
const pathFields = (event: (typeof OPEN_PATH)[number], deal: { amount: number; decisionMaker: string; timeline: string; proposal: string }): FieldValues => {
  switch (event) {
    case 'analyze_needs':
      return { budget: deal.amount * 1.2, decisionMaker: deal.decisionMaker, timeline: deal.timeline };
    case 'propose':
      return { proposalDocument: deal.proposal };
    default:
      // negotiate needs a positive amount (set when opened), request_approval the owner (who fires it).
      return {};
  }
};

/** Steps spaced by the given gaps (in days) after `openedAt`. */
const spaced = (openedAt: number, gaps: readonly number[], steps: readonly Omit<DemoStep, 'at'>[]): DemoStep[] => {
  let at = openedAt;
  return steps.map((step, index) => {
    at += gaps[index] * DAY_MS;
    return { ...step, at: instant(at) };
  });
};

export const demoPipeline = (options: { readonly reps: readonly string[]; readonly deals: number; readonly seed: number; readonly now: Date }): DemoPipeline => {
  const random = seededRandom(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const amountOf = (): number => Math.round(5 + random() * 145) * 1_000;
  const gapsOf = (count: number, least: number, spread: number): number[] => Array.from({ length: count }, () => least + random() * spread);
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  const today = startOfDay(options.now);
  const nameOf = (index: number): string => `${COMPANIES[index % COMPANIES.length]} ${pick(PRODUCTS)}`;
  const number = (index: number): string => String(index + 1).padStart(3, '0');
  const ownerOf = (index: number): string => options.reps[index % options.reps.length];

  const openCount = Math.ceil(options.deals * 0.6);
  const open: DemoDeal[] = Array.from({ length: openCount }, (_, index) => {
    const amount = amountOf();
    const closeDate = dateOnly(today + (10 + random() * 170) * DAY_MS);
    const deal = { amount, decisionMaker: pick(PEOPLE), timeline: closeDate, proposal: `proposal-${number(index)}.pdf` };
    const path = OPEN_PATH.slice(0, Math.floor(random() * (OPEN_PATH.length + 1)));
    const gaps = gapsOf(path.length, 2, 15);
    // Days since the last step: some deals sit in their stage long enough to show as stalled.
    const idle = 1 + random() * 45;
    const openedAt = today - (sum(gaps) + idle) * DAY_MS;
    return {
      recordId: `demo-opp-${number(index)}`,
      owner: ownerOf(index),
      openedAt: instant(openedAt),
      fields: { name: nameOf(index), source: pick(SOURCES), amount, closeDate },
      steps: spaced(openedAt, gaps, path.map((event) => ({ event, fields: pathFields(event, deal) }))),
    };
  });

  const closed: DemoDeal[] = Array.from({ length: options.deals - openCount }, (_, index) => {
    const won = random() < 0.45;
    const path = OPEN_PATH.slice(0, won ? OPEN_PATH.length : Math.floor(random() * OPEN_PATH.length));
    const gaps = gapsOf(path.length + 1, 3, 20);
    const closedAt = today - (1 + random() * 300) * DAY_MS;
    const openedAt = closedAt - sum(gaps) * DAY_MS;
    const amount = amountOf();
    const closeDate = dateOnly(closedAt);
    const deal = { amount, decisionMaker: pick(PEOPLE), timeline: closeDate, proposal: `proposal-${number(openCount + index)}.pdf` };
    const close: Omit<DemoStep, 'at'> = won
      ? { event: 'close_won', fields: { closeDate } }
      : { event: 'close_lost', fields: { lossReason: pick(LOSS_REASONS), closeDate } };
    return {
      recordId: `demo-closed-${number(index)}`,
      owner: ownerOf(index),
      openedAt: instant(openedAt),
      fields: { name: nameOf(index + openCount), source: pick(SOURCES), amount },
      steps: spaced(openedAt, gaps, [...path.map((event) => ({ event, fields: pathFields(event, deal) })), close]),
    };
  });

  const poolLeads = Array.from({ length: Math.max(1, Math.round(options.deals / 8)) }, (_, index) => ({
    recordId: `demo-lead-${number(index)}`,
    openedAt: instant(today - (1 + random() * 20) * DAY_MS),
    fields: { name: pick(PEOPLE), company: pick(COMPANIES), source: pick(SOURCES) },
  }));
  return { day: dateOnly(today), open, closed, poolLeads };
};

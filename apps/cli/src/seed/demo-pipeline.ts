import type { FieldValues } from '@crm/blueprint';

/**
 * A demo pipeline for the default opportunity blueprint: closed deals with a dated past (imported as
 * history, so the funnel and forecast have something to show) and open deals walked through today's
 * guarded transitions. Seeded, so the same seed gives the same demo and a rerun stores nothing new.
 */
export interface DemoStep {
  readonly event: string;
  readonly fields: FieldValues;
}

export interface OpenDemoDeal {
  readonly recordId: string;
  readonly owner: string;
  readonly fields: FieldValues;
  /** Guarded transitions to fire, in order, each with the fields it needs. */
  readonly steps: readonly DemoStep[];
}

export interface ClosedDemoDeal {
  readonly recordId: string;
  readonly owner: string;
  readonly openedAt: string;
  readonly fields: FieldValues;
  readonly stages: readonly { readonly stage: string; readonly enteredAt: string; readonly fields?: FieldValues }[];
}

export interface DemoPipeline {
  readonly open: readonly OpenDemoDeal[];
  readonly closed: readonly ClosedDemoDeal[];
  readonly poolLeads: readonly { readonly recordId: string; readonly fields: FieldValues }[];
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Vandelay'];
const PRODUCTS = ['platform', 'renewal', 'expansion', 'pilot', 'migration', 'support plan'];
const PEOPLE = ['Hank Scorpio', 'Bill Lumbergh', 'Gavin Belson', 'Pepper Potts', 'Lucius Fox', 'Eldon Tyrell', 'Miles Dyson'];
const SOURCES = ['web', 'referral', 'event', 'outbound', 'partner'];
const LOSS_REASONS = ['price', 'competitor', 'no_decision', 'no_budget', 'timing'];
const OPEN_PATH = ['analyze_needs', 'propose', 'negotiate', 'request_approval'] as const;
const CLOSED_PATH = ['needs_analysis', 'proposal', 'negotiation', 'contract_approval'] as const;
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

export const demoPipeline = (options: { readonly reps: readonly string[]; readonly deals: number; readonly seed: number; readonly now: Date }): DemoPipeline => {
  const random = seededRandom(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const amountOf = (): number => Math.round(5 + random() * 145) * 1_000;
  const now = options.now.getTime();
  const nameOf = (index: number): string => `${COMPANIES[index % COMPANIES.length]} ${pick(PRODUCTS)}`;
  const number = (index: number): string => String(index + 1).padStart(3, '0');

  const openCount = Math.ceil(options.deals * 0.6);
  const open: OpenDemoDeal[] = Array.from({ length: openCount }, (_, index) => {
    const amount = amountOf();
    const closeDate = dateOnly(now + (10 + random() * 170) * DAY_MS);
    const all: DemoStep[] = [
      { event: 'analyze_needs', fields: { budget: amount * 1.2, decisionMaker: pick(PEOPLE), timeline: closeDate } },
      { event: 'propose', fields: { proposalDocument: `proposal-${number(index)}.pdf` } },
      { event: 'negotiate', fields: {} },
      { event: 'request_approval', fields: {} },
    ];
    const depth = Math.floor(random() * (OPEN_PATH.length + 1));
    return {
      recordId: `demo-opp-${number(index)}`,
      owner: options.reps[index % options.reps.length],
      fields: { name: nameOf(index), source: pick(SOURCES), amount, closeDate },
      steps: all.slice(0, depth),
    };
  });

  const closed: ClosedDemoDeal[] = Array.from({ length: options.deals - openCount }, (_, index) => {
    const won = random() < 0.45;
    const openedAt = now - (60 + random() * 300) * DAY_MS;
    const reached = won ? CLOSED_PATH.length : Math.floor(random() * CLOSED_PATH.length);
    let at = openedAt;
    const stages = CLOSED_PATH.slice(0, reached).map((stage) => {
      at += (3 + random() * 20) * DAY_MS;
      return { stage, enteredAt: new Date(at).toISOString() };
    });
    at += (3 + random() * 20) * DAY_MS;
    const amount = amountOf();
    const closedAt = new Date(Math.min(at, now - DAY_MS)).toISOString();
    const final: { stage: string; enteredAt: string; fields: FieldValues } = won
      ? { stage: 'closed_won', enteredAt: closedAt, fields: { amount, closeDate: closedAt.slice(0, 10) } }
      : { stage: 'closed_lost', enteredAt: closedAt, fields: { lossReason: pick(LOSS_REASONS), closeDate: closedAt.slice(0, 10) } };
    return {
      recordId: `demo-closed-${number(index)}`,
      owner: options.reps[index % options.reps.length],
      openedAt: new Date(openedAt).toISOString(),
      fields: { name: nameOf(index + openCount), source: pick(SOURCES), amount },
      stages: [...stages.filter((stage) => stage.enteredAt < closedAt), final],
    };
  });

  const poolLeads = Array.from({ length: Math.max(1, Math.round(options.deals / 8)) }, (_, index) => ({
    recordId: `demo-lead-${number(index)}`,
    fields: { name: pick(PEOPLE), company: pick(COMPANIES), source: pick(SOURCES) },
  }));
  return { open, closed, poolLeads };
};

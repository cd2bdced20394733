import type { FieldValues } from '@crm/blueprint';
import { SeededRandom } from './seeded-random';

/** One command of a planned history, with the user who issues it (the record's owner at that point). */
export type PlannedStep =
  | { readonly kind: 'update'; readonly actor: string; readonly fields: FieldValues }
  | { readonly kind: 'transition'; readonly actor: string; readonly event: string; readonly fields: FieldValues }
  | { readonly kind: 'reassign'; readonly actor: string; readonly owner: string };

/** The life of one opportunity: opened by its owner, then the steps in order. */
export interface OpportunityHistory {
  readonly label: string;
  readonly owner: string;
  readonly openFields: FieldValues;
  readonly steps: readonly PlannedStep[];
  /** The stage the steps end in. */
  readonly finalStage: string;
}

export interface HistoryOptions {
  readonly seed: number;
  readonly records: number;
  /** Distinct owners (reps); records are spread over them unevenly, as real territories are. */
  readonly owners?: number;
}

export const BENCH_MANAGER = 'manager-000';
export const ownerId = (index: number): string => `rep-${String(index).padStart(3, '0')}`;

/**
 * Where opportunities end up, roughly a B2B funnel snapshot: most still open in early stages, about a
 * third closed, losses outnumbering wins.
 */
export const STAGE_MIX: readonly (readonly [string, number])[] = [
  ['qualification', 22],
  ['needs_analysis', 14],
  ['proposal', 12],
  ['negotiation', 9],
  ['contract_approval', 5],
  ['closed_won', 14],
  ['closed_lost', 24],
];

/** The opportunity blueprint's happy path; each step supplies what its exit criteria require. */
export const PATH = ['qualification', 'needs_analysis', 'proposal', 'negotiation', 'contract_approval', 'closed_won'] as const;

export const PRODUCTS = ['GTX Basic', 'GTX Pro', 'MG Special', 'MG Advanced', 'GTX Plus Basic', 'GTX Plus Pro', 'GTK 500'];
export const SOURCES = ['web', 'referral', 'event', 'outbound', 'partner', 'other'];
export const LOSS_REASONS = ['price', 'competitor', 'no_decision', 'no_budget', 'timing', 'product_fit', 'other'];
const FIRST_NAMES = ['Hank', 'Marge', 'Lisa', 'Ned', 'Edna', 'Seymour', 'Lenny', 'Carl', 'Patty', 'Selma'];
const LAST_NAMES = ['Scorpio', 'Flanders', 'Krabappel', 'Skinner', 'Leonard', 'Carlson', 'Bouvier', 'Hibbert'];
export const ACCOUNTS = ['globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'acme', 'stark', 'wayne', 'tyrell', 'cyberdyne'];

export const money = (random: SeededRandom, min: number, max: number): number => random.int(min * 100, max * 100) / 100;
const isoDate = (random: SeededRandom): string =>
  `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

/** A date field's value (`YYYY-MM-DD`); histories without business time use any day of 2026. */
export type DateOf = (random: SeededRandom) => string;

/** One field update a rep makes between transitions: notes, contact details, discount, amount, product. */
export const fieldUpdate = (random: SeededRandom, dateOf: DateOf = isoDate): FieldValues => {
  switch (random.int(0, 5)) {
    case 0:
      return { notes: `Call ${random.int(1, 9_999)}: discussed ${random.pick(PRODUCTS)} rollout and ${random.pick(['pricing', 'timeline', 'security review', 'integration'])}.` };
    case 1:
      return { contactEmail: `${random.pick(FIRST_NAMES).toLowerCase()}.${random.int(1, 999)}@${random.pick(ACCOUNTS)}.example` };
    case 2:
      return { contactPhone: `+1 555 ${random.int(100, 999)} ${random.int(1000, 9999)}` };
    case 3:
      return { discount: random.int(0, 30) / 100 };
    case 4:
      return { amount: money(random, 5_000, 500_000) };
    default:
      return { product: random.pick(PRODUCTS), closeDate: dateOf(random) };
  }
};

/** The transition into `stage` along the happy path, with the fields its exit criteria require. */
export const transitionInto = (stage: string, random: SeededRandom, dateOf: DateOf = isoDate): { event: string; fields: FieldValues } => {
  switch (stage) {
    case 'needs_analysis':
      return {
        event: 'analyze_needs',
        fields: { budget: money(random, 10_000, 800_000), decisionMaker: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, timeline: dateOf(random) },
      };
    case 'proposal':
      return { event: 'propose', fields: { proposalDocument: `https://docs.example/proposals/${random.int(10_000, 99_999)}` } };
    case 'negotiation':
      return { event: 'negotiate', fields: { amount: money(random, 5_000, 500_000) } };
    case 'contract_approval':
      return { event: 'request_approval', fields: {} };
    case 'closed_won':
      return { event: 'close_won', fields: { closeDate: dateOf(random) } };
    default:
      throw new RangeError(`no planned transition into "${stage}"`);
  }
};

/**
 * Seeded opportunity histories over the opportunity blueprint: a realistic stage mix, many owners,
 * field updates between transitions, the odd reassignment; every transition supplies what its guards
 * require (required fields, `amount > 0`, owner only, rep role, loss reason), so every command is
 * accepted and every guard is actually judged.
 */
export const generateOpportunityHistories = ({ seed, records, owners = 200 }: HistoryOptions): OpportunityHistory[] => {
  const random = new SeededRandom(seed);
  return Array.from({ length: records }, (_, index) => {
    // Skewed territories: a few reps hold many deals.
    const firstOwner = ownerId(Math.floor(owners * random.next() ** 2));
    let owner = firstOwner;
    const finalStage = random.weighted(STAGE_MIX);
    const lostAt = finalStage === 'closed_lost' ? random.int(0, 3) : -1;
    const lastOnPath = finalStage === 'closed_lost' ? lostAt : PATH.indexOf(finalStage as (typeof PATH)[number]);
    const reassignAt = random.chance(0.04) ? random.int(0, Math.min(lastOnPath, PATH.length - 2)) : -1;
    const steps: PlannedStep[] = [];
    for (let position = 0; position <= lastOnPath; position += 1) {
      if (PATH[position] !== 'closed_won') {
        if (position === reassignAt) {
          const to = ownerId(random.int(0, owners - 1));
          // A manager moves the deal; from then on the new owner works it (and alone may request approval).
          if (to !== owner) steps.push({ kind: 'reassign', actor: BENCH_MANAGER, owner: to });
          owner = to;
        }
        const updates = random.weighted([
          [0, 45],
          [1, 40],
          [2, 15],
        ] as const);
        for (let update = 0; update < updates; update += 1) steps.push({ kind: 'update', actor: owner, fields: fieldUpdate(random) });
      }
      const next = PATH[position + 1];
      if (position < lastOnPath && next) steps.push({ kind: 'transition', actor: owner, ...transitionInto(next, random) });
    }
    if (finalStage === 'closed_lost') {
      steps.push({ kind: 'transition', actor: owner, event: 'close_lost', fields: { lossReason: random.pick(LOSS_REASONS) } });
    }
    return {
      label: `opp-${String(index).padStart(6, '0')}`,
      owner: firstOwner,
      openFields: {
        name: `${random.pick(ACCOUNTS)} ${random.pick(PRODUCTS)} deal ${index}`,
        source: random.pick(SOURCES),
        product: random.pick(PRODUCTS),
      },
      steps,
      finalStage,
    };
  });
};

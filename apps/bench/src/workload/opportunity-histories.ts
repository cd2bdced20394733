import type { Actor, FieldValues } from '@crm/blueprint';
import type { RecordCommand, RecordState } from '@crm/workflow';
import { SeededRandom } from './seeded-random';

/**
 * One command of a planned history, with the user who issues it (the record's owner at that point, or
 * the owner's team manager, or the deal desk). Completing a task and granting an approval name what they
 * act on by template and transition: the ids only exist once the record has opened the task or
 * requested the approval, so the command takes them from the record's state when it is sent.
 */
export type PlannedStep =
  | { readonly kind: 'update'; readonly actor: string; readonly fields: FieldValues }
  | { readonly kind: 'transition'; readonly actor: string; readonly event: string; readonly fields: FieldValues }
  | { readonly kind: 'reassign'; readonly actor: string; readonly owner: string }
  | { readonly kind: 'completeTask'; readonly actor: string; readonly template: string }
  | { readonly kind: 'grantApproval'; readonly actor: string; readonly event: string };

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

export const ownerId = (index: number): string => `rep-${String(index).padStart(3, '0')}`;

/**
 * Reps are in teams by their number (rep-000, rep-012, … in team-01), each team with its manager, as
 * the access policy wants them: a manager reassigns, closes and approves the records of their team only.
 */
export const BENCH_TEAMS = 12;
/** The deal desk: the admin who grants the second step of a big-discount approval. */
export const DEAL_DESK = 'deal-desk';

const repIndex = (owner: string): number => {
  const match = /^rep-(\d+)$/.exec(owner);
  if (match === null) throw new RangeError(`"${owner}" is not a bench rep`);
  return Number(match[1]);
};
const teamNumber = (owner: string): string => String((repIndex(owner) % BENCH_TEAMS) + 1).padStart(2, '0');
export const teamOf = (owner: string): string => `team-${teamNumber(owner)}`;
export const managerOf = (owner: string): string => `manager-${teamNumber(owner)}`;

/** Another rep of the owner's team, at random (one draw, whatever the team size). */
export const teammate = (random: SeededRandom, owner: string, owners: number): string => {
  const team = repIndex(owner) % BENCH_TEAMS;
  return ownerId(team + BENCH_TEAMS * random.int(0, Math.ceil((owners - team) / BENCH_TEAMS) - 1));
};

/** The bench's users with the roles the blueprint's rules and the access policy expect of them. */
export const benchActor = (id: string): Actor => ({
  id,
  roles: id === DEAL_DESK ? ['admin'] : id.startsWith('manager-') ? ['manager'] : ['rep'],
});

/** Discounts from this fraction on need the deal desk after the manager (the blueprint's close_won chain). */
const DEAL_DESK_DISCOUNT = 0.2;

/**
 * Closing as won: the owner fires close_won, which asks for approval; the team manager grants it and,
 * for a big discount, the deal desk too; the last grant moves the deal.
 */
export const closeWonSteps = (owner: string, fields: FieldValues, discount: number): PlannedStep[] => [
  { kind: 'transition', actor: owner, event: 'close_won', fields },
  { kind: 'grantApproval', actor: managerOf(owner), event: 'close_won' },
  ...(discount >= DEAL_DESK_DISCOUNT ? [{ kind: 'grantApproval' as const, actor: DEAL_DESK, event: 'close_won' }] : []),
];

/** The proposal stage's task, done by the owner before negotiating (negotiate requires it). */
export const PROPOSAL_TASK = 'send_proposal';

const openTaskId = (record: RecordState, template: string): string => {
  const task = record.status === 'none' ? undefined : record.tasks.find((candidate) => candidate.template === template && candidate.status === 'open');
  if (task === undefined) throw new Error(`record ${record.recordId} has no open task "${template}" to complete`);
  return task.taskId;
};

const pendingApprovalId = (record: RecordState, event: string): string => {
  const request = record.status === 'none' ? undefined : record.approvals.find((candidate) => candidate.event === event && candidate.status === 'pending');
  if (request === undefined) throw new Error(`record ${record.recordId} has no pending approval of "${event}" to grant`);
  return request.approvalId;
};

/**
 * The command for one planned step of an opened record. `record` is its state after the previous step
 * (what the handler answered, or the fold of the decided events): task and approval ids come from it.
 */
export const plannedCommand = (recordId: string, step: PlannedStep, commandId: string, record: RecordState | undefined): RecordCommand => {
  const envelope = { kind: 'opportunity', recordId, commandId, actor: benchActor(step.actor) };
  switch (step.kind) {
    case 'update':
      return { type: 'UpdateFields', ...envelope, fields: step.fields };
    case 'transition':
      return { type: 'FireTransition', ...envelope, event: step.event, fields: step.fields };
    case 'reassign':
      return { type: 'Reassign', ...envelope, owner: step.owner };
    case 'completeTask':
    case 'grantApproval': {
      if (record === undefined) throw new Error(`a ${step.kind} step needs the record's state after the previous step (the last command's result.record)`);
      return step.kind === 'completeTask'
        ? { type: 'CompleteTask', ...envelope, taskId: openTaskId(record, step.template) }
        : { type: 'GrantApproval', ...envelope, approvalId: pendingApprovalId(record, step.event) };
    }
  }
};

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
 * field updates between transitions, the odd reassignment by the team manager; every transition supplies
 * what its guards require (required fields, `amount > 0`, owner only, rep role, loss reason, the proposal
 * task done, the approval chain of close_won), so every command is accepted and every guard is judged.
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
    let discount = 0;
    for (let position = 0; position <= lastOnPath; position += 1) {
      if (PATH[position] !== 'closed_won') {
        if (position === reassignAt) {
          const to = teammate(random, owner, owners);
          // The team manager moves the deal; from then on the new owner works it (and alone may request approval).
          if (to !== owner) steps.push({ kind: 'reassign', actor: managerOf(owner), owner: to });
          owner = to;
        }
        const updates = random.weighted([
          [0, 45],
          [1, 40],
          [2, 15],
        ] as const);
        for (let update = 0; update < updates; update += 1) {
          const fields = fieldUpdate(random);
          if (typeof fields['discount'] === 'number') discount = fields['discount'];
          steps.push({ kind: 'update', actor: owner, fields });
        }
      }
      const next = PATH[position + 1];
      if (position < lastOnPath && next) {
        if (next === 'negotiation') steps.push({ kind: 'completeTask', actor: owner, template: PROPOSAL_TASK });
        const { event, fields } = transitionInto(next, random);
        if (event === 'close_won') steps.push(...closeWonSteps(owner, fields, discount));
        else steps.push({ kind: 'transition', actor: owner, event, fields });
      }
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

import type { ScoringDefinition } from './scoring/scoring.model';
import type { ConversionDefinition } from './conversion/conversion.model';

/**
 * A blueprint after loading and validation: plain data, the process owner's YAML made precise.
 * It knows nothing of storage; `compileBlueprint` turns it into an XState machine plus criteria.
 */

export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'money',
  'date',
  'boolean',
  'email',
  'phone',
  'enum',
  'reference',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Field values as stored in events: money and numbers are JSON numbers, dates `YYYY-MM-DD`. */
export type FieldValue = string | number | boolean | null;
export type FieldValues = Readonly<Record<string, FieldValue>>;

/**
 * The value of one field, own properties only: a field may be called `toString` or `valueOf`, and an
 * unset one must not read as the function every object inherits.
 */
export const fieldValueOf = (values: FieldValues, name: string): FieldValue | undefined =>
  Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;

export interface FieldDefinition {
  readonly name: string;
  readonly type: FieldType;
  readonly label: string;
  readonly description?: string;
  /** enum only: the allowed values. */
  readonly values?: readonly string[];
  /** reference only: the record kind referred to (e.g. `account`). */
  readonly to?: string;
  /**
   * As declared (absent when not): whether reports may group records by this field's values. Only
   * present when declared, so blueprints that never say it keep their content hash.
   */
  readonly groupable?: boolean;
  /** number only: the smallest and largest value allowed, when declared. */
  readonly min?: number;
  readonly max?: number;
}

/** Categories by nature: their values say what a record is, never who it is about. */
export const GROUPABLE_BY_TYPE: readonly FieldType[] = ['enum', 'reference'];
/** Plain values that a blueprint may declare groupable when they are categories (a product line, a region). */
export const GROUPABLE_WHEN_DECLARED: readonly FieldType[] = ['string', 'boolean'];
/** Free text and contact details: grouping by them would show other records' values to any reader. */
export const NEVER_GROUPABLE: readonly FieldType[] = ['text', 'email', 'phone'];

/** Whether reports may group records by the field: enum and reference unless declared otherwise; string and boolean when declared. */
export const isGroupableField = (field: Pick<FieldDefinition, 'type' | 'groupable'>): boolean => {
  if (GROUPABLE_BY_TYPE.includes(field.type)) return field.groupable !== false;
  return GROUPABLE_WHEN_DECLARED.includes(field.type) && field.groupable === true;
};

export const STAGE_OUTCOMES = ['won', 'lost', 'none'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface TaskTemplate {
  /** Stable id within the blueprint, e.g. `send_proposal`. */
  readonly id: string;
  readonly title: string;
  /** Due this many days after the stage is entered. */
  readonly dueInDays?: number;
  /** The task stays open when the record leaves its stage (until done, or the record closes). */
  readonly keepOpen?: true;
}

/** What happens when a timer comes due. */
export type TimerAction =
  /** Tell the record's owner (a notification). */
  | { readonly kind: 'remind' }
  /** Tell the owner's manager (a notification). */
  | { readonly kind: 'escalate' }
  /** Mark the record stalled (`RecordStalled`). */
  | { readonly kind: 'stalled' }
  /** Return the record to the unowned pool (leads), with the timer's message as the reason. */
  | { readonly kind: 'release' }
  /** Fire a blueprint event, through the same guards as any user's. */
  | { readonly kind: 'fire'; readonly event: string }
  /** Decay the record's behaviour points (scoring's weekly timer; never declared in a stage). */
  | { readonly kind: 'decay' };

/** The actions a stage timer may declare (`then:`). */
export const TIMER_ACTION_KINDS = ['remind', 'escalate', 'stalled', 'release', 'fire'] as const;

/** Every action a pending timer may carry: the declared ones and scoring's decay. */
export const PENDING_TIMER_ACTION_KINDS = [...TIMER_ACTION_KINDS, 'decay'] as const;

/** A moment relative to a date field: that day's start, plus or minus an ISO-8601 duration. */
export interface TimerAnchor {
  readonly field: string;
  /** Signed ISO-8601 duration, e.g. `-P90D`; absent: the day itself. */
  readonly offset?: string;
}

/**
 * A timer of a stage: set when the record enters the stage, cancelled when it leaves. Due `after` a
 * duration from entering (in business time when a calendar is named) or `at` a date field's day.
 */
export interface TimerDefinition {
  /** Unique within the blueprint, e.g. `remind_uncontacted`. */
  readonly id: string;
  /** ISO-8601 duration from entering the stage, e.g. `PT4H`, `P2D`. */
  readonly after?: string;
  readonly at?: TimerAnchor;
  /** A business calendar id, or `team` (the owner's team's calendar); absent: plain time, UTC. */
  readonly calendar?: string;
  readonly then: TimerAction;
  /** Told with the reminder or escalation; the reason recorded when released. */
  readonly message?: string;
}

export const APPROVAL_MODES = ['sequential', 'all', 'any'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** One approver of a chain: a role or a named user, needed only when its CEL condition holds. */
export interface ApprovalStep {
  readonly title: string;
  readonly role?: string;
  readonly user?: string;
  /** CEL over the fields; absent: the step is always needed. */
  readonly when?: string;
}

/**
 * Who must approve a transition before it happens: steps in order (`sequential`), all of them in any
 * order (`all`), or any one of them (`any`). Steps whose condition does not hold are not needed.
 */
export interface ApprovalDefinition {
  readonly mode: ApprovalMode;
  readonly steps: readonly ApprovalStep[];
}

export interface StageDefinition {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  /** Win probability in percent, 0..100. */
  readonly probability: number;
  readonly forecastCategory: ForecastCategory;
  readonly outcome: StageOutcome;
  /** A final stage has no way out: every won or lost stage, and any stage marked `final: true`. */
  readonly final: boolean;
  readonly entryTasks: readonly TaskTemplate[];
  /** Absent when the stage has none (so blueprints without timers keep their content hash). */
  readonly timers?: readonly TimerDefinition[];
}

export interface ExpressionCriterion {
  /** CEL source over field names, e.g. `amount > 0 && discount <= 0.2`. */
  readonly expression: string;
  /** What the rep is told when it is false. */
  readonly message: string;
  /** Kept: it must stay true while the record is in the transition's target stage or a later one. */
  readonly keep?: true;
}

export interface ExitCriteria {
  /** Fields that must hold a value (after the transition's supplied fields are applied). */
  readonly requires: readonly string[];
  readonly expressions: readonly ExpressionCriterion[];
  /** When set, the actor needs one of these roles. */
  readonly roles?: readonly string[];
  /** Only the record's owner may fire the transition. */
  readonly ownerOnly: boolean;
  /** Task templates that must be done (a completed task, none still open); absent when none. */
  readonly requiresTasks?: readonly string[];
}

export interface TransitionDefinition {
  /** The event name a rep fires, e.g. `qualify`. */
  readonly event: string;
  readonly title: string;
  /** Resolved source stages (`any-open` expanded to every non-final stage). */
  readonly from: readonly string[];
  readonly to: string;
  readonly criteria: ExitCriteria;
  /** Fields the actor must supply with this very transition (e.g. a loss reason). */
  readonly supply: readonly string[];
  /** Who must approve before the transition happens; absent when nobody. */
  readonly approval?: ApprovalDefinition;
}

export interface BlueprintDefinition {
  readonly id: string;
  readonly version: number;
  /** Record kind this blueprint governs; also the stream prefix (`opportunity-<id>`). */
  readonly kind: string;
  readonly title: string;
  readonly description?: string;
  /** ISO 4217 code for money fields. */
  readonly currency: string;
  readonly initialStage: string;
  readonly fields: readonly FieldDefinition[];
  readonly stages: readonly StageDefinition[];
  readonly transitions: readonly TransitionDefinition[];
  /** Absent when the blueprint scores nothing (so blueprints without it keep their content hash). */
  readonly scoring?: ScoringDefinition;
  /** What converting a record makes; absent when the blueprint converts nothing (and its hash unchanged). */
  readonly conversion?: ConversionDefinition;
}

/** Pins the exact blueprint a record was opened under. */
export interface BlueprintRef {
  readonly id: string;
  readonly version: number;
  /** sha256 (hex) of the canonical definition. */
  readonly contentHash: string;
}

/** The facts about a record that exit criteria are judged on. */
export interface CriteriaContext {
  readonly stage: string;
  /** Field values with the transition's supplied fields already applied. */
  readonly fields: FieldValues;
  /** The fields supplied with this transition (for `supply`). */
  readonly supplied: FieldValues;
  readonly owner: string | null;
  readonly actor: Actor;
  /** The record's tasks, for `requiresTasks`; absent: none. */
  readonly tasks?: readonly TaskFact[];
  /** The record's approval requests, for `approval`; absent: none. */
  readonly approvals?: readonly ApprovalFact[];
}

/** A task of the record as the guards see it. */
export interface TaskFact {
  readonly template: string;
  readonly status: 'open' | 'done';
}

/** The live approval request of one transition (the latest not rejected or invalidated). */
export interface ApprovalFact {
  readonly event: string;
  readonly status: 'pending' | 'approved';
  /** Pending: the steps still waiting, by title. */
  readonly waitingFor: readonly string[];
}

export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** The built-in criteria; a guard added to a blueprint's guard set names its own kind. */
export type BuiltInCriterionKind = 'required_field' | 'supplied_field' | 'expression' | 'role' | 'owner' | 'stage' | 'task' | 'approval';
// `string & {}` keeps the built-in names suggested by editors while admitting a new guard's own kind.
export type CriterionKind = BuiltInCriterionKind | (string & {});

export interface UnmetCriterion {
  /** The transition's event name. */
  readonly event: string;
  readonly criterion: CriterionKind;
  readonly field?: string;
  readonly expression?: string;
  /** `task`: the task template not done. */
  readonly task?: string;
  /** `approval`: the approvers still needed (or waited for), by step title. */
  readonly approvers?: readonly string[];
  readonly message: string;
}

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
}

export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** The built-in criteria; a guard added to a blueprint's guard set names its own kind. */
export type BuiltInCriterionKind = 'required_field' | 'supplied_field' | 'expression' | 'role' | 'owner' | 'stage';
// `string & {}` keeps the built-in names suggested by editors while admitting a new guard's own kind.
export type CriterionKind = BuiltInCriterionKind | (string & {});

export interface UnmetCriterion {
  /** The transition's event name. */
  readonly event: string;
  readonly criterion: CriterionKind;
  readonly field?: string;
  readonly expression?: string;
  readonly message: string;
}

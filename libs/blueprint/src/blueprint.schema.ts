import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  APPROVAL_MODES,
  FIELD_TYPES,
  FORECAST_CATEGORIES,
  STAGE_OUTCOMES,
  TIMER_ACTION_KINDS,
  type ApprovalMode,
  type FieldType,
  type ForecastCategory,
  type StageOutcome,
} from './blueprint.model';
import { MATCH_RULES, type MatchRule } from './conversion/conversion.model';
import { ANY_OPEN, IDENTIFIER, IDENTIFIER_RULE, ROLE_NAME } from './blueprint.names';
import { ScoringSpec } from './scoring/scoring.schema';

/**
 * The YAML language as class-validator classes: what each key may hold. These classes only describe and
 * check the *shape*; cross-references (unknown stages, fields, CEL, reachability) are checked by
 * `checkBlueprintSemantics`, and `normalizeBlueprint` turns a valid spec into a `BlueprintDefinition`.
 *
 * Rules across keys (a timer has `after` or `at`, an approval step a role or a user, durations and CEL
 * that parse) are semantic checks too.
 */


const required: ValidationOptions = { message: 'is required' };
const text: ValidationOptions = { message: 'must be a string' };
const identifier: ValidationOptions = { message: `must be ${IDENTIFIER_RULE}` };
const oneOf = (values: readonly string[]): ValidationOptions => ({
  message: `must be one of ${values.join(', ')}`,
});
const mapping = (example: string): ValidationOptions => ({ message: `must be a mapping like ${example}` });

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns a YAML mapping into a Map of class instances, so each entry is validated with its own path. It
 * reads the mapping from the document (`obj[key]`), not the `value` class-transformer made of it, which
 * has lost every entry named like an inherited member (a field called `toString`).
 */
const toInstanceMap =
  <T extends object>(cls: new () => T) =>
  ({ key, obj }: { key: string; obj: Readonly<Record<string, unknown>> }): unknown => {
    const value = obj[key];
    return isPlainRecord(value)
      ? new Map(Object.entries(value).map(([name, entry]) => [name, isPlainRecord(entry) ? plainToInstance(cls, entry) : entry]))
      : value;
  };

const IsMapping = (example: string): PropertyDecorator =>
  ValidateBy({ name: 'isMapping', validator: { validate: (value: unknown) => value instanceof Map } }, mapping(example));

const HasEntries = (message: string): PropertyDecorator =>
  ValidateBy({ name: 'hasEntries', validator: { validate: (value: unknown) => value instanceof Map && value.size > 0 } }, { message });

/** `then` of a timer: one of the plain actions, or `{ fire: <event> }`. */
const IsTimerAction = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isTimerAction',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && (PLAIN_TIMER_ACTIONS as readonly string[]).includes(value)) ||
          (isPlainRecord(value) && Object.keys(value).length === 1 && typeof value['fire'] === 'string' && IDENTIFIER.test(value['fire'])),
      },
    },
    { message: `must be one of ${['remind', 'escalate', 'stalled', 'release'].join(', ')}, or { fire: <event> }` },
  );

const PLAIN_TIMER_ACTIONS = TIMER_ACTION_KINDS.filter((kind) => kind !== 'fire');

const isStageName = (value: unknown): boolean =>
  typeof value === 'string' && (value === ANY_OPEN || IDENTIFIER.test(value));

/** `from` is one stage, a list of stages, or `any-open`. */
const IsStageSource = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isStageSource',
      validator: {
        validate: (value: unknown) =>
          isStageName(value) || (Array.isArray(value) && value.length > 0 && value.every(isStageName)),
      },
    },
    { message: `must be a stage id, a non-empty list of stage ids, or ${ANY_OPEN}` },
  );

export class TaskSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  id!: string;

  @IsDefined(required)
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title!: string;

  @IsOptional()
  @Min(0, { message: 'must be 0 or more' })
  @IsInt({ message: 'must be a whole number of days' })
  dueInDays?: number;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  keepOpen?: boolean;
}

export class TimerSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  id!: string;

  /** ISO-8601 duration (checked with the other timer rules). */
  @IsOptional()
  @IsString({ message: 'must be an ISO-8601 duration such as PT4H or P2D' })
  after?: string;

  /** `<dateField>` or `<dateField> - P90D` (checked with the other timer rules). */
  @IsOptional()
  @IsString({ message: 'must name a date field, optionally with an offset: validUntil, contractEnd - P90D' })
  at?: string;

  @IsOptional()
  @Matches(IDENTIFIER, { message: `must be a business calendar id (${IDENTIFIER_RULE}) or team` })
  @IsString(text)
  calendar?: string;

  @IsDefined(required)
  @IsTimerAction()
  then!: unknown;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  message?: string;
}

export class StageEntrySpec {
  @IsOptional()
  @ValidateNested({ each: true, message: mapping('{ id: send_proposal, title: Send the proposal }').message })
  @IsArray({ message: 'must be a list of tasks' })
  @Type(() => TaskSpec)
  tasks?: TaskSpec[];

}

export class StageSpec {
  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsDefined(required)
  @IsInt({ message: 'must be a whole number' })
  order!: number;

  @IsDefined(required)
  @Max(100, { message: 'must be a percentage from 0 to 100' })
  @Min(0, { message: 'must be a percentage from 0 to 100' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number (a percentage from 0 to 100)' })
  probability!: number;

  @IsDefined(required)
  @IsIn(FORECAST_CATEGORIES, oneOf(FORECAST_CATEGORIES))
  forecastCategory!: ForecastCategory;

  @IsOptional()
  @IsIn(STAGE_OUTCOMES, oneOf(STAGE_OUTCOMES))
  outcome?: StageOutcome;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  final?: boolean;

  @IsOptional()
  @ValidateNested({ message: mapping('{ tasks: [...] }').message })
  @Type(() => StageEntrySpec)
  entry?: StageEntrySpec;

  @IsOptional()
  @ValidateNested({ each: true, message: mapping('{ id: remind_owner, after: PT4H, then: remind }').message })
  @IsArray({ message: 'must be a list of timers' })
  @Type(() => TimerSpec)
  timers?: TimerSpec[];

  /** Sugar for a `stalled` timer: the record is stalled after this long in the stage. */
  @IsOptional()
  @IsString({ message: 'must be an ISO-8601 duration such as P30D' })
  stalledAfter?: string;
}

export class FieldSpec {
  @IsDefined(required)
  @IsIn(FIELD_TYPES, oneOf(FIELD_TYPES))
  type!: FieldType;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  label?: string;

  @IsOptional()
  @IsString(text)
  description?: string;

  @ValidateIf((field: FieldSpec) => field.type === 'enum' || field.values !== undefined)
  @IsDefined({ message: 'is required for an enum field: the allowed values, e.g. [price, timing, other]' })
  @IsString({ each: true, message: 'must list strings' })
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @IsArray({ message: 'must be a list of values' })
  values?: string[];

  @ValidateIf((field: FieldSpec) => field.type === 'reference' || field.to !== undefined)
  @IsDefined({ message: 'is required for a reference field: the record kind it refers to, e.g. account' })
  @Matches(IDENTIFIER, { message: `must be a record kind, ${IDENTIFIER_RULE}` })
  @IsString(text)
  to?: string;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  groupable?: boolean;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a finite number' })
  min?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a finite number' })
  max?: number;
}

export class WhenSpec {
  @IsDefined(required)
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString({ message: 'must be a CEL expression (a string)' })
  expression!: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  message?: string;

  /** The expression stays an invariant: it must keep holding while the record is in the target stage or a later one. */
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  keep?: boolean;
}

/** `when` entries are either a bare CEL string or `{ expression, message, keep? }`. */
const toWhenSpecs = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((entry: unknown) => {
        if (typeof entry === 'string') return plainToInstance(WhenSpec, { expression: entry });
        return isPlainRecord(entry) ? plainToInstance(WhenSpec, entry) : entry;
      })
    : value;

export class ApprovalStepSpec {
  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsOptional()
  @Matches(ROLE_NAME, { message: 'must be a role name (lower-case letters, digits, _ or -)' })
  @IsString(text)
  role?: string;

  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,63}$/, { message: 'must be a user id of the users file' })
  @IsString(text)
  user?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString({ message: 'must be a CEL expression (a string)' })
  when?: string;
}

export class ApprovalSpec {
  @IsOptional()
  @IsIn(APPROVAL_MODES, oneOf(APPROVAL_MODES))
  mode?: ApprovalMode;

  @IsDefined(required)
  @ValidateNested({ each: true, message: mapping('{ role: manager, when: "discount >= 0.1" }').message })
  @ArrayNotEmpty({ message: 'must list at least one step' })
  @IsArray({ message: 'must be a list of approval steps' })
  @Type(() => ApprovalStepSpec)
  steps!: ApprovalStepSpec[];
}

export class TransitionSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, { message: `must be an event name, ${IDENTIFIER_RULE}` })
  @IsString(text)
  event!: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsDefined(required)
  @IsStageSource()
  from!: string | string[];

  @IsDefined(required)
  @Matches(IDENTIFIER, { message: `must be a stage id, ${IDENTIFIER_RULE}` })
  @IsString(text)
  to!: string;

  @IsOptional()
  @IsString({ each: true, message: 'must list field names' })
  @IsArray({ message: 'must be a list of field names' })
  requires?: string[];

  @IsOptional()
  @IsString({ each: true, message: 'must list field names' })
  @IsArray({ message: 'must be a list of field names' })
  supply?: string[];

  @IsOptional()
  @ValidateNested({ each: true, message: 'must be a CEL expression or { expression, message }' })
  @IsArray({ message: 'must be a list of CEL expressions' })
  @Transform(toWhenSpecs)
  when?: WhenSpec[];

  @IsOptional()
  @Matches(ROLE_NAME, { each: true, message: 'must list role names (lower-case letters, digits, _ or -)' })
  @IsString({ each: true, message: 'must list role names' })
  @ArrayNotEmpty({ message: 'must list at least one role (leave roles out to allow every role)' })
  @IsArray({ message: 'must be a list of role names' })
  roles?: string[];

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  ownerOnly?: boolean;

  @IsOptional()
  @Matches(IDENTIFIER, { each: true, message: `must list task ids (${IDENTIFIER_RULE})` })
  @IsString({ each: true, message: 'must list task ids' })
  @IsArray({ message: 'must be a list of task ids' })
  requiresTasks?: string[];

  @IsOptional()
  @ValidateNested({ message: mapping('{ mode: sequential, steps: [{ role: manager }] }').message })
  @Type(() => ApprovalSpec)
  approval?: ApprovalSpec;
}

/** A mapping of names to strings (`{ name: company, lead: $record }`), entries checked by the semantic pass. */
const IsStringMapping = (example: string): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isStringMapping',
      validator: { validate: (value: unknown) => isPlainRecord(value) && Object.values(value).every((entry) => typeof entry === 'string') },
    },
    { message: `must be a mapping of names to strings, like ${example}` },
  );

export class ConversionMatchSpec {
  @IsDefined(required)
  @IsString(text)
  field!: string;

  @IsDefined(required)
  @IsIn(MATCH_RULES, oneOf(MATCH_RULES))
  by!: MatchRule;
}

export class ConversionStepSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  as!: string;

  @IsDefined(required)
  @Matches(IDENTIFIER, { message: `must be a record kind, ${IDENTIFIER_RULE}` })
  @IsString(text)
  kind!: string;

  @IsOptional()
  @ValidateNested({ message: mapping('{ field: email, by: email }').message })
  @Type(() => ConversionMatchSpec)
  match?: ConversionMatchSpec;

  @IsDefined(required)
  @IsStringMapping('{ name: company, account: $account }')
  fields!: Record<string, string>;
}

export class ConversionSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, { message: `must be an event name, ${IDENTIFIER_RULE}` })
  @IsString(text)
  on!: string;

  @IsDefined(required)
  @ValidateNested({ each: true, message: mapping('{ as: opportunity, kind: opportunity, fields: { name: company } }').message })
  @ArrayNotEmpty({ message: 'must list at least one record to open' })
  @IsArray({ message: 'must be a list of records to open' })
  @Type(() => ConversionStepSpec)
  creates!: ConversionStepSpec[];

  @IsOptional()
  @IsStringMapping('{ opportunity: $opportunity }')
  link?: Record<string, string>;
}

export class BlueprintSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  id!: string;

  @IsDefined(required)
  @Min(1, { message: 'must be a positive whole number' })
  @IsInt({ message: 'must be a positive whole number' })
  version!: number;

  @IsOptional()
  @Matches(IDENTIFIER, { message: `must be a record kind, ${IDENTIFIER_RULE}` })
  @IsString(text)
  kind?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsOptional()
  @IsString(text)
  description?: string;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as USD or EUR' })
  @IsString(text)
  currency?: string;

  @IsDefined(required)
  @MaxLength(64, { message: 'must be a stage id' })
  @IsString({ message: 'must be a stage id' })
  initialStage!: string;

  @IsOptional()
  @ValidateNested({ message: mapping('{ type: string }').message })
  @IsMapping('{ amount: { type: money } }')
  @Transform(toInstanceMap(FieldSpec))
  fields?: Map<string, FieldSpec>;

  @IsDefined(required)
  @ValidateNested({ message: mapping('{ title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }').message })
  @HasEntries('must declare at least one stage')
  @IsMapping('{ qualification: { order: 1, probability: 10, forecastCategory: pipeline } }')
  @Transform(toInstanceMap(StageSpec))
  stages!: Map<string, StageSpec>;

  @IsOptional()
  @ValidateNested({ each: true, message: mapping('{ event: qualify, from: new, to: qualified }').message })
  @IsArray({ message: 'must be a list of transitions' })
  @Type(() => TransitionSpec)
  transitions?: TransitionSpec[];

  @IsOptional()
  @ValidateNested({ message: mapping('{ attributes: [...], behaviours: [...], decay: { percentPerWeek: 20 }, thresholds: [...] }').message })
  @Type(() => ScoringSpec)
  scoring?: ScoringSpec;
  @ValidateNested({ message: mapping('{ on: convert, creates: [...], link: { opportunity: $opportunity } }').message })
  @Type(() => ConversionSpec)
  conversion?: ConversionSpec;
}

import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IDENTIFIER, IDENTIFIER_RULE } from '../blueprint.names';
import { MAX_RULE_POINTS } from './scoring.model';

/** The shape of the `scoring:` section; what the rules refer to is checked by `checkScoring`. */

const required: ValidationOptions = { message: 'is required' };
const text: ValidationOptions = { message: 'must be a string' };
const identifier: ValidationOptions = { message: `must be ${IDENTIFIER_RULE}` };
const wholePointsAtLeastOne: ValidationOptions = { message: 'must be a whole number of points, 1 or more' };

/** Whole points within ±MAX_RULE_POINTS; 0 would be a rule that does nothing. */
const IsRulePoints = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isRulePoints',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value !== 0 && Math.abs(value) <= MAX_RULE_POINTS,
      },
    },
    { message: `must be a whole number of points from -${MAX_RULE_POINTS} to ${MAX_RULE_POINTS}, other than 0` },
  );

const isAttributeValue = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

export class AttributeRuleSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  id!: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsDefined(required)
  @IsRulePoints()
  points!: number;

  @IsOptional()
  @IsString({ message: 'must be a field name' })
  field?: string;

  @IsOptional()
  @ValidateBy(
    { name: 'isAttributeValueList', validator: { validate: (value: unknown) => Array.isArray(value) && value.every(isAttributeValue) } },
    { message: 'must list values (text, numbers or true/false)' },
  )
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @IsArray({ message: 'must be a list of values' })
  values?: (string | number | boolean)[];

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString({ message: 'must be a CEL expression (a string)' })
  when?: string;
}

export class BehaviourRuleSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  activity!: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsDefined(required)
  @IsRulePoints()
  points!: number;

  @IsOptional()
  @Min(1, wholePointsAtLeastOne)
  @IsInt(wholePointsAtLeastOne)
  max?: number;
}

export class ScoreDecaySpec {
  @IsDefined(required)
  @Max(100, { message: 'must be a whole percentage from 1 to 100' })
  @Min(1, { message: 'must be a whole percentage from 1 to 100' })
  @IsInt({ message: 'must be a whole percentage from 1 to 100' })
  percentPerWeek!: number;
}

export class ScoreThresholdSpec {
  @IsDefined(required)
  @Matches(IDENTIFIER, identifier)
  @IsString(text)
  id!: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  @IsString(text)
  title?: string;

  @IsDefined(required)
  @Min(1, wholePointsAtLeastOne)
  @IsInt(wholePointsAtLeastOne)
  at!: number;

  @IsDefined(required)
  @Matches(IDENTIFIER, { message: `must be an event name, ${IDENTIFIER_RULE}` })
  @IsString(text)
  fire!: string;
}

export class ScoringSpec {
  @IsOptional()
  @ValidateNested({ each: true, message: 'must be a mapping like { id: target_industry, points: 15, field: industry, values: [software] }' })
  @IsArray({ message: 'must be a list of attribute rules' })
  @Type(() => AttributeRuleSpec)
  attributes?: AttributeRuleSpec[];

  @IsOptional()
  @ValidateNested({ each: true, message: 'must be a mapping like { activity: demo_requested, points: 30 }' })
  @IsArray({ message: 'must be a list of behaviour rules' })
  @Type(() => BehaviourRuleSpec)
  behaviours?: BehaviourRuleSpec[];

  @IsOptional()
  @ValidateNested({ message: 'must be a mapping like { percentPerWeek: 20 }' })
  @Type(() => ScoreDecaySpec)
  decay?: ScoreDecaySpec;

  @IsOptional()
  @ValidateNested({ each: true, message: 'must be a mapping like { id: mql, at: 50, fire: mark_mql }' })
  @IsArray({ message: 'must be a list of thresholds' })
  @Type(() => ScoreThresholdSpec)
  thresholds?: ScoreThresholdSpec[];
}

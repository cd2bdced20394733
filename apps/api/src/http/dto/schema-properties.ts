import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Property decorators for the shapes many answers share. Every option is spelled out because the
 * design-time type of `string | null` is `Object`: Swagger cannot infer what TypeScript erased.
 */

// `nullable: false` is the default; written out, it would only clutter the document.
const nullableIf = (nullable: boolean | undefined): { nullable?: true } => (nullable === true ? { nullable: true } : {});

/** An instant as the engine writes it: `Date.toISOString()`, always UTC. */
export const DateTimeProperty = (description: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', description, ...nullableIf(options.nullable) });

/** A global position in the event store, `C:<commit>/P:<prepare>`. */
export const PositionProperty = (description: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  ApiProperty({ type: String, pattern: '^C:\\d+/P:\\d+$', example: 'C:42/P:42', description, ...nullableIf(options.nullable) });

export const IntegerProperty = (description: string, options: { minimum?: number } = {}): PropertyDecorator =>
  ApiProperty({ type: 'integer', description, ...(options.minimum === undefined ? {} : { minimum: options.minimum }) });

export const NumberProperty = (description: string, options: { nullable?: boolean } = {}): PropertyDecorator =>
  ApiProperty({ type: Number, description, ...nullableIf(options.nullable) });

export const TextProperty = (description: string, options: { readonly example?: string; readonly pattern?: string } = {}): PropertyDecorator =>
  ApiProperty({ type: String, description, ...options });

export const NullableTextProperty = (description: string): PropertyDecorator => ApiProperty({ type: String, nullable: true, description });

/** Which history a report counts: every record, or only those whose history conforms to the blueprint. */
export const CONFORMANCE_CHOICES = ['all', 'conforming'] as const;

export const ConformanceProperty = (): PropertyDecorator =>
  ApiProperty({ enum: CONFORMANCE_CHOICES, description: 'all, or conforming: without the records whose history has a StageRecorded (an imported move no transition explains)' });

export const TextListProperty = (description: string): PropertyDecorator => ApiProperty({ type: [String], description });

/** One field value as stored in events: money and numbers are JSON numbers, dates `YYYY-MM-DD`. */
const fieldValue = (): SchemaObject => ({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] });

/**
 * A field value or null. Swagger types a nullable property with a combinator as an object (the design
 * type of a union), so null is admitted by one member instead: OpenAPI 3.0 has no `type: 'null'`.
 */
const fieldValueOrNull = (): SchemaObject => ({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] });

/** A record's field values by field name; a cleared field is absent, never null. */
export const FieldValuesProperty = (description: string): PropertyDecorator =>
  ApiProperty({ type: 'object', additionalProperties: fieldValue(), description, example: { name: 'Globex platform deal', amount: 42000 } });

/** A field value before or after a change; null when the field had (or now has) no value. */
export const FieldChangeValueProperty = (description: string): PropertyDecorator => ApiProperty({ oneOf: fieldValueOrNull().oneOf, description });

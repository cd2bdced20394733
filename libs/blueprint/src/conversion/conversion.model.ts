/**
 * What converting a record makes (a lead's `convert`): the records it opens or finds, in order, the
 * fields each gets from the converted record, and the converted record's fields that link to them. The
 * engine runs it as a saga of single-record commands (README, "Conversion").
 */

/** How a found record is recognised: its value and the converted one's, both normalized this way, are equal. */
export const MATCH_RULES = ['email', 'phone', 'company_name', 'exact'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** A mapped value: a field of the converted record, its own id (`$record`) or the id of an earlier step's record (`$<as>`). */
export const RECORD_ID_SOURCE = '$record';

export interface ConversionMatch {
  /** A field of the step's own mapping: the existing record's value of it is compared with the mapped one. */
  readonly field: string;
  readonly by: MatchRule;
}

export interface ConversionStep {
  /** The step's name, `$<as>` in later mappings; e.g. `account`. */
  readonly as: string;
  /** The kind of record opened (or found). */
  readonly kind: string;
  /** Absent: always opened. Present: an existing record that matches is linked instead (dedup). */
  readonly match?: ConversionMatch;
  /** Target field → source (`company`, `$record`, `$account`). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface ConversionDefinition {
  /** The transition that converts; it happens only as the saga's last step. */
  readonly on: string;
  readonly creates: readonly ConversionStep[];
  /** Field of the converted record → `$<as>`: set by the converting transition. */
  readonly link: Readonly<Record<string, string>>;
}

/** The step a `$<as>` source names, or null for a field name or `$record`. */
export const stepSourceOf = (source: string): string | null => (source.startsWith('$') && source !== RECORD_ID_SOURCE ? source.slice(1) : null);

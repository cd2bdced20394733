import type { Actor, FieldValues } from '@crm/blueprint';

/** One record the conversion opens (or found already there), as planned before anything was stored. */
export interface PlannedRecord {
  /** The blueprint step's name, e.g. `account`. */
  readonly as: string;
  readonly kind: string;
  readonly recordId: string;
  /** An existing record the step's match found: linked, not opened. */
  readonly found: boolean;
  /** Who owns it when opened: the converted record's owner when planned (or the converter's, for an unowned one). */
  readonly owner: string;
  /** What it is opened with (empty when found). */
  readonly fields: FieldValues;
}

/**
 * The conversion's commit point, on the converted record: from here the saga only goes forward, opening
 * the planned records with ids derived from `conversionId` and then firing the converting transition.
 */
export interface ConversionStarted {
  readonly type: 'ConversionStarted';
  readonly data: {
    readonly recordId: string;
    readonly conversionId: string;
    /** The converting transition, e.g. `convert`. */
    readonly event: string;
    readonly records: readonly PlannedRecord[];
    /** Fields the converting transition sets: the links to what was opened. */
    readonly link: FieldValues;
    /** Who converts: every step acts as them, under their rights. */
    readonly requestedBy: Actor;
  };
}

export interface ConversionCompleted {
  readonly type: 'ConversionCompleted';
  readonly data: {
    readonly recordId: string;
    readonly conversionId: string;
    readonly records: readonly { readonly as: string; readonly kind: string; readonly recordId: string; readonly found: boolean }[];
  };
}

/**
 * A step was refused after the commit point (its blueprint or the converter's rights changed in between):
 * the record stays unconverted with the reason; records already opened are named, never removed.
 */
export interface ConversionFailed {
  readonly type: 'ConversionFailed';
  readonly data: {
    readonly recordId: string;
    readonly conversionId: string;
    /** The step refused, or null for the converting transition itself. */
    readonly step: string | null;
    readonly reason: string;
    readonly code: string;
    readonly opened: readonly { readonly as: string; readonly kind: string; readonly recordId: string }[];
  };
}

export type ConversionEvent = ConversionStarted | ConversionCompleted | ConversionFailed;

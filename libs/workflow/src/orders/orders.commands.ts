import type { FieldValues } from '@crm/blueprint';
import type { JsonObject } from '@crm/event-store';
import type { RecordCommandBase } from '../record/record-command';

/** The record whose lines were copied (an accepted quote, a subscription's last term), at the revision they were read. */
export interface LinesSource {
  readonly kind: string;
  readonly recordId: string;
  readonly revision: number;
}

/**
 * Opens a record (an order, a subscription, a renewal opportunity) with another record's lines: the
 * record is opened as `OpenRecord` opens it, and the lines and their total are kept with it, in integer
 * minor units of `currency`.
 */
export interface OpenWithLines extends RecordCommandBase {
  readonly type: 'OpenWithLines';
  /** Defaults to an id derived from the commandId, so a retried open opens one record. */
  readonly recordId?: string;
  readonly fields?: FieldValues;
  /** Defaults to the actor. */
  readonly owner?: string | null;
  readonly source: LinesSource;
  /** ISO 4217. */
  readonly currency: string;
  /** Digits of the currency's minor unit (2 for USD, 0 for JPY): how the money fields are written. */
  readonly minorDigits: number;
  /** The source's lines as it stored them. */
  readonly lines: readonly JsonObject[];
  readonly totalMinor: number;
}

/** A payment received for an order (the payment system's webhook), idempotent by the payment system's id. */
export interface RecordPayment extends RecordCommandBase {
  readonly type: 'RecordPayment';
  readonly recordId: string;
  /** The payment system's id of the payment. */
  readonly paymentId: string;
  /** In minor units of `currency`, positive. */
  readonly amountMinor: number;
  readonly currency: string;
  /** When the money arrived (ISO-8601 with offset); default: now. */
  readonly receivedAt?: string;
}

export type OrdersCommand = OpenWithLines | RecordPayment;

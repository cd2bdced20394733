import type { JsonObject } from '@crm/event-store';
import { recordPart } from '../record/record.state';
import type { LinesSource } from './orders.commands';

/** The lines a record was opened with (LinesCopied); null for a record opened without. */
export interface CopiedLines {
  readonly source: LinesSource;
  readonly currency: string;
  readonly minorDigits: number;
  readonly lines: readonly JsonObject[];
  readonly totalMinor: number;
}

export interface ReceivedPayment {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly receivedAt: string;
}

/** What has been paid against the lines, payment by payment. */
export interface RecordPayments {
  readonly paidMinor: number;
  readonly payments: readonly ReceivedPayment[];
}

export const copiedLines = recordPart<CopiedLines | null>('copied-lines', null);

export const recordPayments = recordPart<RecordPayments>('payments', { paidMinor: 0, payments: [] });

/** Minor units as a money field holds them (major units, at most two decimals): exact for 0–2 digits. */
export const majorOf = (minor: number, minorDigits: number): number => Number((minor / 10 ** minorDigits).toFixed(minorDigits));

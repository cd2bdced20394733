import type { JsonObject } from '@crm/event-store';
import type { LinesSource } from './orders.commands';

/** Lines copied from another record when this one was opened: what was sold, at the price it was sold. */
export interface LinesCopied {
  readonly type: 'LinesCopied';
  readonly data: {
    readonly recordId: string;
    readonly source: LinesSource;
    readonly currency: string;
    readonly minorDigits: number;
    readonly lines: readonly JsonObject[];
    readonly totalMinor: number;
  };
}

/** Money received against the record's lines; the paid sum and the balance after it. */
export interface PaymentRecorded {
  readonly type: 'PaymentRecorded';
  readonly data: {
    readonly recordId: string;
    readonly paymentId: string;
    readonly amountMinor: number;
    readonly currency: string;
    readonly receivedAt: string;
    readonly paidMinor: number;
    readonly balanceMinor: number;
  };
}

export type OrdersEvent = LinesCopied | PaymentRecorded;

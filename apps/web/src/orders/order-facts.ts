import type { HistoryEntry, PricedLine } from '../api/api-types';

/** What was copied into a record when it was opened (an order from its accepted quote), as LinesCopied stored it. */
export interface CopiedLines {
  readonly source: { readonly kind: string; readonly recordId: string; readonly revision: number };
  readonly currency: string;
  readonly minorDigits: number;
  /** The lines, when every one is a priced quote line; null when some are in another shape. */
  readonly lines: readonly PricedLine[] | null;
  readonly lineCount: number;
  readonly totalMinor: number;
}

/** A payment received, as PaymentRecorded stored it: amounts in minor units. */
export interface ReceivedPayment {
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedAt: string;
  readonly paidMinor: number;
  readonly balanceMinor: number;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const NUMBERS = ['line', 'quantity', 'discountPercent', 'listPrice', 'gross', 'discount', 'net', 'tax', 'total'] as const;
const TEXTS = ['sku', 'name', 'unit', 'family'] as const;

/** A copied line that has every field of a priced quote line (README, Quote lines). */
export const isPricedLine = (value: unknown): value is PricedLine =>
  isRecord(value) && NUMBERS.every((key) => typeof value[key] === 'number') && TEXTS.every((key) => typeof value[key] === 'string');

/** The lines the record was opened with (its latest LinesCopied), or null when it was opened without. */
export const copiedLinesOf = (history: readonly HistoryEntry[]): CopiedLines | null => {
  const copied = history.findLast((entry) => entry.type === 'LinesCopied');
  if (copied === undefined) return null;
  const { data } = copied;
  const lines = Array.isArray(data['lines']) ? (data['lines'] as readonly unknown[]) : [];
  const source = isRecord(data['source']) ? data['source'] : {};
  return {
    source: { kind: String(source['kind']), recordId: String(source['recordId']), revision: Number(source['revision']) },
    currency: String(data['currency']),
    minorDigits: Number(data['minorDigits']),
    lines: lines.every(isPricedLine) ? lines : null,
    lineCount: lines.length,
    totalMinor: Number(data['totalMinor']),
  };
};

/** Every payment received, oldest first. */
export const paymentsOf = (history: readonly HistoryEntry[]): ReceivedPayment[] =>
  history
    .filter((entry) => entry.type === 'PaymentRecorded')
    .map(({ data }) => ({
      paymentId: String(data['paymentId']),
      amountMinor: Number(data['amountMinor']),
      currency: String(data['currency']),
      receivedAt: String(data['receivedAt']),
      paidMinor: Number(data['paidMinor']),
      balanceMinor: Number(data['balanceMinor']),
    }));

/** Paid so far and left to pay, in minor units: the last payment's figures, or nothing paid of the total. */
export const settlementOf = (copied: CopiedLines, payments: readonly ReceivedPayment[]): { readonly paidMinor: number; readonly balanceMinor: number } => {
  const last = payments.at(-1);
  return last === undefined ? { paidMinor: 0, balanceMinor: copied.totalMinor } : { paidMinor: last.paidMinor, balanceMinor: last.balanceMinor };
};

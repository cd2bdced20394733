import { describe, expect, it } from 'vitest';
import type { HistoryEntry, PricedLine } from '../api/api-types';
import { copiedLinesOf, paymentsOf, settlementOf } from './order-facts';

const entry = (type: string, data: Record<string, unknown>): HistoryEntry => ({ id: type, type, revision: 0, occurredAt: '2026-03-02T10:00:00.000Z', metadata: { actor: 'system:payments' }, data });
const seat: PricedLine = { line: 1, sku: 'CRM-ENT-SEAT', name: 'CRM Enterprise seat (12 months)', unit: 'seat', family: 'subscription', quantity: 40, discountPercent: 25, listPrice: 198_000, gross: 7_920_000, discount: 1_980_000, net: 5_940_000, tax: 527_175, total: 6_467_175 };
const copied = (lines: readonly unknown[]) => entry('LinesCopied', { recordId: 'o1', source: { kind: 'quote', recordId: 'q1', revision: 12 }, currency: 'USD', minorDigits: 2, lines, totalMinor: 7_011_550 });
const payment = (paymentId: string, amountMinor: number, paidMinor: number) => entry('PaymentRecorded', { recordId: 'o1', paymentId, amountMinor, currency: 'USD', receivedAt: '2026-03-05T09:00:00.000Z', paidMinor, balanceMinor: 7_011_550 - paidMinor });

describe('an order’s lines and payments, from its history', () => {
  it('given lines copied from a priced quote, then they are shown as priced lines with the source and total', () => {
    expect(copiedLinesOf([entry('RecordOpened', {}), copied([seat])])).toEqual({ source: { kind: 'quote', recordId: 'q1', revision: 12 }, currency: 'USD', minorDigits: 2, lines: [seat], lineCount: 1, totalMinor: 7_011_550 });
  });

  it('given an order opened with no lines or lines of another shape, then it says so rather than guessing', () => {
    expect(copiedLinesOf([copied([])])?.lines).toEqual([]);
    expect(copiedLinesOf([copied([{ sku: 'X' }])])).toMatchObject({ lines: null, lineCount: 1 });
    expect(copiedLinesOf([entry('RecordOpened', {})])).toBeNull();
  });

  it('given a part payment, then what is paid and the balance are the last payment’s; before any, the whole total is due', () => {
    const history = [copied([seat]), payment('pay-1', 3_000_000, 3_000_000)];
    const lines = copiedLinesOf(history);
    if (lines === null) throw new Error('no lines');
    expect(paymentsOf(history)).toEqual([{ paymentId: 'pay-1', amountMinor: 3_000_000, currency: 'USD', receivedAt: '2026-03-05T09:00:00.000Z', paidMinor: 3_000_000, balanceMinor: 4_011_550 }]);
    expect(settlementOf(lines, paymentsOf(history))).toEqual({ paidMinor: 3_000_000, balanceMinor: 4_011_550 });
    expect(settlementOf(lines, [])).toEqual({ paidMinor: 0, balanceMinor: 7_011_550 });
  });
});

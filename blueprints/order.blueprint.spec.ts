import { compileBlueprint, type Actor } from '@crm/blueprint';
import { commandProblems, type RecordCommandBase } from '@crm/workflow';
import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { defaultBlueprint, errorCodeOf, eventTypes, rita, unmetOf } from './blueprint-spec.fixtures';

const order = defaultBlueprint('order');
const scenario = (): RecordScenario => new RecordScenario(order, rita);
const paymentSystem: Actor = { id: 'system:payments', roles: ['system'] };

// 12,500.00 USD in two lines, as the accepted quote priced them.
const book: ScenarioCommand = {
  type: 'OpenWithLines',
  fields: { quote: 'quote-1', opportunity: 'opp-1', currency: 'USD', total: 12_500, amountPaid: 0, balance: 12_500 },
  source: { kind: 'quote', recordId: 'quote-1', revision: 9 },
  currency: 'USD',
  minorDigits: 2,
  lines: [
    { sku: 'PLAT-100', quantity: 10, totalMinor: 1_000_000 },
    { sku: 'SUPP-200', quantity: 1, totalMinor: 250_000 },
  ],
  totalMinor: 1_250_000,
};
const invoice: ScenarioCommand = { type: 'FireTransition', event: 'invoice', fields: { invoiceNumber: 'INV-2026-001', invoiceDueDate: '2026-04-01' } };
const payment = (paymentId: string, amountMinor: number, currency = 'USD'): ScenarioCommand => ({ type: 'RecordPayment', paymentId, amountMinor, currency, actor: paymentSystem });

describe('order blueprint', () => {
  describe('happy path', () => {
    it('given an accepted quote, when the order is opened with its lines, then it is booked and keeps the lines and their total', () => {
      const record = scenario();
      expect(eventTypes(record.when(book))).toEqual(['RecordOpened', 'LinesCopied']);
      expect(record.current.stage).toBe('booked');
      expect(record.current.parts.get('copied-lines')).toMatchObject({ currency: 'USD', totalMinor: 1_250_000, source: { kind: 'quote', recordId: 'quote-1' } });
    });

    it('given an invoiced order, when two part payments settle it, then it is partly paid, then paid, the balance kept at every step', () => {
      const record = scenario().given(book, invoice);

      expect(eventTypes(record.when(payment('pay-1', 500_000)))).toEqual(['PaymentRecorded', 'FieldsChanged', 'TimerCancelled', 'Transitioned', 'TimerScheduled']);
      expect(record.current).toMatchObject({ stage: 'partly_paid', fields: { amountPaid: 5_000, balance: 7_500 } });

      expect(eventTypes(record.when(payment('pay-2', 750_000)))).toEqual(['PaymentRecorded', 'FieldsChanged', 'TimerCancelled', 'Transitioned']);
      expect(record.current).toMatchObject({ stage: 'paid', status: 'closed', fields: { amountPaid: 12_500, balance: 0 } });
    });

    it('given a partly paid order, when another part payment comes, then it stays partly paid with the new balance', () => {
      const record = scenario().given(book, invoice, payment('pay-1', 100_000));
      expect(eventTypes(record.when(payment('pay-2', 100_000)))).toEqual(['PaymentRecorded', 'FieldsChanged']);
      expect(record.current).toMatchObject({ stage: 'partly_paid', fields: { amountPaid: 2_000, balance: 10_500 } });
    });

    it('given a payment recorded, when the payment system sends it again, then nothing more is recorded', () => {
      const record = scenario().given(book, invoice, payment('pay-1', 100_000));
      expect(eventTypes(record.when(payment('pay-1', 100_000)))).toEqual([]);
      expect(record.current.fields['amountPaid']).toBe(1_000);
    });
  });

  describe('refusals (nothing recorded)', () => {
    it('given an invoiced order, when a payment is above the balance, then PAYMENT_ABOVE_BALANCE names the balance', () => {
      const record = scenario().given(book, invoice, payment('pay-1', 1_000_000));
      const refused = record.when(payment('pay-2', 250_001));
      expect(errorCodeOf(refused)).toBe('PAYMENT_ABOVE_BALANCE');
      expect(refused.ok ? null : refused.error.details).toMatchObject({ paymentId: 'pay-2', amountMinor: 250_001, balanceMinor: 250_000, currency: 'USD' });
      expect(record.current.fields['balance']).toBe(2_500);
    });

    it('given a booked order, when a payment comes before the invoice, then ORDER_NOT_PAYABLE names where payments are taken', () => {
      const refused = scenario().given(book).when(payment('pay-1', 100));
      expect(errorCodeOf(refused)).toBe('ORDER_NOT_PAYABLE');
      expect(refused.ok ? null : refused.error.details).toMatchObject({ stage: 'booked', payableIn: ['invoiced', 'partly_paid'] });
    });

    it('given a USD order, when a payment in EUR comes, then PAYMENT_CURRENCY_MISMATCH', () => {
      expect(errorCodeOf(scenario().given(book, invoice).when(payment('pay-1', 100, 'EUR')))).toBe('PAYMENT_CURRENCY_MISMATCH');
    });

    it('given a payment id recorded, when it comes again with another amount, then PAYMENT_ID_REUSED', () => {
      expect(errorCodeOf(scenario().given(book, invoice, payment('pay-1', 100)).when(payment('pay-1', 200)))).toBe('PAYMENT_ID_REUSED');
    });

    it('when a payment is zero, negative or fractional, then the command names the amount', () => {
      for (const amountMinor of [0, -100, 10.5]) {
        const command = { ...payment('pay-x', amountMinor), kind: 'order', recordId: 'order-1', commandId: 'cmd-x', actor: paymentSystem } as RecordCommandBase;
        expect(commandProblems(command)).toEqual([`amount: expected a positive whole number of minor units (cents), got ${amountMinor}`]);
      }
    });

    it('given an invoiced order, when a rep fires pay_in_full by hand, then the role and the balance are unmet', () => {
      expect(unmetOf(scenario().given(book, invoice).when({ type: 'FireTransition', event: 'pay_in_full' }))).toEqual(['expression', 'role']);
    });
  });

  describe('a payment the move cannot follow', () => {
    // A process owner's variant: "Paid in full" also needs the receipt filed, which a payment does not supply.
    const withReceipt = compileBlueprint({
      ...order.definition,
      fields: [...order.definition.fields, { name: 'receiptFiled', type: 'boolean', label: 'Receipt filed' }],
      transitions: order.definition.transitions.map((transition) => (transition.event === 'pay_in_full' ? { ...transition, criteria: { ...transition.criteria, requires: ['receiptFiled'] } } : transition)),
    });

    it('given an invoiced order whose "Paid in full" needs a receipt, when the last payment arrives, then it is recorded and the owner is asked to resolve "Paid in full" by its title', () => {
      const record = new RecordScenario(withReceipt, rita).given(book, invoice);
      expect(eventTypes(record.when(payment('pay-1', 1_250_000)))).toEqual(['PaymentRecorded', 'FieldsChanged', 'TaskOpened']);
      const task = record.current.tasks.find((candidate) => candidate.template === 'resolve_pay_in_full');
      expect(task?.title).toBe('Resolve: Paid in full could not follow payment pay-1 (Receipt filed is required)');
      expect(task?.assignee).toBe('rita');
    });
  });

  describe('overdue reminder', () => {
    it('given an invoice due on April 1st, when April 2nd begins unpaid, then the owner is reminded', () => {
      const record = scenario().given(book, invoice);
      expect(record.at('2026-04-01T23:59:00.000Z').fireDueTimers()).toEqual([]);
      const [overdue] = record.at('2026-04-02T00:00:00.000Z').fireDueTimers();
      expect(eventTypes(overdue)).toEqual(['TimerFired']);
      expect(overdue.ok ? overdue.events[0]?.data : null).toMatchObject({ timer: 'payment_overdue', action: { kind: 'remind' }, message: 'The invoice is overdue', owner: 'rita' });
    });

    it('given a paid order, when its due date passes, then nothing is due', () => {
      const record = scenario().given(book, invoice, payment('pay-1', 1_250_000));
      expect(record.at('2026-05-01T00:00:00.000Z').fireDueTimers()).toEqual([]);
    });
  });
});

import type { CompiledBlueprint, FieldValues } from '@crm/blueprint';
import { parseIsoDateTime } from '@crm/clock';
import { openRecordHandling } from '../core/core.slice';
import { fieldsChanged } from '../core/field-changes';
import { checkFieldValues, checkOwner, checkText, isPlainObject } from '../record/command-problems';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting } from '../record/record-rules';
import type { ExistingRecord } from '../record/record.state';
import { entryTasksOpened } from '../tasks/entry-tasks';
import { fireTransition, transitionTitleOf } from '../transition/fire-transition';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { OpenRecord } from '../core/core.commands';
import type { OpenWithLines, OrdersCommand, RecordPayment } from './orders.commands';
import type { OrdersEvent, PaymentRecorded } from './orders.events';
import { copiedLines, majorOf, recordPayments, type CopiedLines } from './orders.part';

/** The order blueprint's transitions a payment fires (README, Orders and payments). */
export const PAY_IN_FULL = 'pay_in_full';
export const PAY_IN_PART = 'pay_in_part';

/** The money fields a payment keeps current, when the record's blueprint declares them. */
const PAYMENT_FIELDS = ['amountPaid', 'balance'] as const;

const CURRENCY = /^[A-Z]{3}$/;
const MAX_LINES = 500;
/** A money field holds at most two decimals, so minor units of more digits cannot be written to one. */
const MAX_MINOR_DIGITS = 2;

const isMinorUnits = (value: unknown, positive: boolean): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && (positive ? value > 0 : value >= 0);

/** The stages a payment is taken in: those `pay_in_full` leaves. */
const payableStages = (blueprint: CompiledBlueprint): string[] =>
  blueprint.definition.stages.map((stage) => stage.id).filter((stage) => leaves(blueprint, stage, PAY_IN_FULL));

const leaves = (blueprint: CompiledBlueprint, stage: string, event: string): boolean => blueprint.transitionsFrom(stage).some((transition) => transition.event === event);

const notPayable = (record: ExistingRecord, blueprint: CompiledBlueprint, terms: CopiedLines | null): WorkflowException => {
  const payableIn = payableStages(blueprint);
  return new WorkflowException(
    WorkflowExceptionCode.ORDER_NOT_PAYABLE,
    terms === null
      ? `${record.kind} "${record.recordId}" was opened without lines: there is nothing to pay`
      : `${record.kind} "${record.recordId}" is in stage "${record.stage}"; payments are taken in ${payableIn.join(', ') || 'no stage'}`,
    { stage: record.stage, payableIn },
  );
};

const paymentProblems = (command: RecordPayment): string[] => {
  const problems: string[] = [];
  checkText(problems, 'paymentId', command.paymentId);
  if (!isMinorUnits(command.amountMinor, true)) problems.push(`amount: expected a positive whole number of minor units (cents), got ${JSON.stringify(command.amountMinor)}`);
  if (typeof command.currency !== 'string' || !CURRENCY.test(command.currency)) problems.push('currency: expected an ISO 4217 code such as USD');
  if (command.receivedAt !== undefined && (typeof command.receivedAt !== 'string' || parseIsoDateTime(command.receivedAt) === null)) {
    problems.push('receivedAt: expected an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00Z');
  }
  return problems;
};

/** The record opened as `OpenRecord` would open it (same id, owner, fields, entry tasks and timers). */
const openOf = ({ source: _source, currency: _currency, minorDigits: _digits, lines: _lines, totalMinor: _total, ...open }: OpenWithLines): OpenRecord => ({ ...open, type: 'OpenRecord' });

/** The paid sum and balance in the money fields the blueprint declares. */
const paymentFields = (blueprint: CompiledBlueprint, terms: CopiedLines, paidMinor: number): FieldValues => {
  const declared = new Set(blueprint.definition.fields.map((field) => field.name));
  const values: Record<(typeof PAYMENT_FIELDS)[number], number> = {
    amountPaid: majorOf(paidMinor, terms.minorDigits),
    balance: majorOf(terms.totalMinor - paidMinor, terms.minorDigits),
  };
  return Object.fromEntries(PAYMENT_FIELDS.filter((name) => declared.has(name)).map((name) => [name, values[name]]));
};

/**
 * Orders and payments (README, Orders and payments): a record opened with another's lines (an order with
 * the accepted quote's), and payments against their total. A payment is refused whole when it is above
 * the balance, in another currency, or the order is not invoiced; otherwise it is recorded and moves the
 * order by `pay_in_part` or `pay_in_full`, through the same guards as any transition.
 */
export const ordersSlice = defineRecordSlice<OrdersCommand, OrdersEvent>({
  name: 'orders',
  commands: {
    OpenWithLines: {
      opensRecord: true,
      derivesRecordId: true,
      problems: (command) => {
        const problems: string[] = [];
        checkFieldValues(problems, 'fields', command.fields, true);
        checkOwner(problems, command.owner, true);
        const source: unknown = command.source;
        if (!isPlainObject(source) || typeof source['kind'] !== 'string' || typeof source['recordId'] !== 'string' || !Number.isSafeInteger(source['revision'])) {
          problems.push('source: expected { kind, recordId, revision } of the record the lines come from');
        }
        if (typeof command.currency !== 'string' || !CURRENCY.test(command.currency)) problems.push('currency: expected an ISO 4217 code such as USD');
        if (!Number.isInteger(command.minorDigits) || command.minorDigits < 0 || command.minorDigits > MAX_MINOR_DIGITS) {
          problems.push(`minorDigits: expected 0 to ${MAX_MINOR_DIGITS}`);
        }
        if (!Array.isArray(command.lines) || command.lines.length > MAX_LINES || !command.lines.every(isPlainObject)) {
          problems.push(`lines: expected a list of at most ${MAX_LINES} lines (objects)`);
        }
        if (!isMinorUnits(command.totalMinor, false)) problems.push('totalMinor: expected a whole number of minor units, zero or more');
        return problems;
      },
      access: (command, state) => openRecordHandling.access(openOf(command), state),
      decide: (command, state, context) => {
        const { source, currency, minorDigits, lines, totalMinor } = command;
        const opened = openRecordHandling.decide(openOf(command), state, context);
        const recordId = opened[0]?.data.recordId;
        if (recordId === undefined) throw new Error('OpenRecord decided no RecordOpened');
        return [...opened, { type: 'LinesCopied', data: { recordId, source, currency, minorDigits, lines, totalMinor } }];
      },
    },
    RecordPayment: {
      problems: paymentProblems,
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        const terms = copiedLines.read(record);
        const paid = recordPayments.read(record);
        const earlier = paid.payments.find((payment) => payment.paymentId === command.paymentId);
        if (earlier !== undefined) {
          // The payment system sends a payment again until it hears back: the same payment is recorded once.
          if (earlier.amountMinor === command.amountMinor) return [];
          throw new WorkflowException(
            WorkflowExceptionCode.PAYMENT_ID_REUSED,
            `payment "${command.paymentId}" was recorded for ${earlier.amountMinor} minor units, not ${command.amountMinor}`,
            { paymentId: command.paymentId, recordedMinor: earlier.amountMinor, amountMinor: command.amountMinor },
          );
        }
        if (terms === null || !leaves(blueprint, record.stage, PAY_IN_FULL)) throw notPayable(record, blueprint, terms);
        if (command.currency !== terms.currency) {
          throw new WorkflowException(
            WorkflowExceptionCode.PAYMENT_CURRENCY_MISMATCH,
            `payment "${command.paymentId}" is in ${command.currency}; ${record.kind} "${record.recordId}" is in ${terms.currency}`,
            { paymentId: command.paymentId, currency: command.currency, expected: terms.currency },
          );
        }
        const balanceMinor = terms.totalMinor - paid.paidMinor;
        if (command.amountMinor > balanceMinor) {
          throw new WorkflowException(
            WorkflowExceptionCode.PAYMENT_ABOVE_BALANCE,
            `payment "${command.paymentId}" of ${command.amountMinor} minor units is above the balance of ${balanceMinor} ${terms.currency} minor units of ${record.kind} "${record.recordId}"`,
            { paymentId: command.paymentId, amountMinor: command.amountMinor, balanceMinor, currency: terms.currency },
          );
        }
        const paidMinor = paid.paidMinor + command.amountMinor;
        const recorded: PaymentRecorded = {
          type: 'PaymentRecorded',
          data: {
            recordId: record.recordId,
            paymentId: command.paymentId,
            amountMinor: command.amountMinor,
            currency: command.currency,
            receivedAt: (command.receivedAt === undefined ? now : (parseIsoDateTime(command.receivedAt) ?? now)).toISOString(),
            paidMinor,
            balanceMinor: terms.totalMinor - paidMinor,
          },
        };
        const supplied = paymentFields(blueprint, terms, paidMinor);
        const event = paidMinor === terms.totalMinor ? PAY_IN_FULL : PAY_IN_PART;
        if (!leaves(blueprint, record.stage, event)) return [recorded, ...fieldsChanged(record.recordId, record.fields, supplied)];
        const outcome = fireTransition({ record, blueprint, event, supplied, actor: command.actor, reason: `payment ${command.paymentId}`, commandId: command.commandId, now, timing, mayRequestApproval: false });
        if (outcome.kind === 'fired') return [recorded, ...outcome.events];
        // The money arrived whatever the guards say: it is recorded, and the owner is asked to resolve the move.
        const unmet = outcome.kind === 'refused' ? outcome.unmet.map((criterion) => criterion.message).join('; ') : 'needs approval';
        const resolve: DecidedRecordEvent[] = entryTasksOpened(command.commandId, record.recordId, record.stage, record.owner, [{ id: `resolve_${event}`, title: `Resolve: ${transitionTitleOf(blueprint, record.stage, event)} could not follow payment ${command.paymentId} (${unmet})` }], now);
        return [recorded, ...fieldsChanged(record.recordId, record.fields, supplied), ...resolve];
      },
    },
  },
  events: {
    LinesCopied: {
      evolve: (draft, event) => {
        const { source, currency, minorDigits, lines, totalMinor } = event.data;
        copiedLines.write(draft, { source, currency, minorDigits, lines, totalMinor });
      },
    },
    PaymentRecorded: {
      evolve: (draft, event) => {
        const before = recordPayments.read(draft);
        const { paymentId, amountMinor, receivedAt, paidMinor } = event.data;
        recordPayments.write(draft, { paidMinor, payments: [...before.payments, { paymentId, amountMinor, receivedAt }] });
      },
    },
  },
});

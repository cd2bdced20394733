import { majorUnits, priceQuote, quoteLineProblems, type PricedQuote, type QuoteCatalog } from '@crm/catalog';
import { CatalogException, CatalogExceptionCode } from '@crm/catalog';
import type { CompiledBlueprint, FieldValues } from '@crm/blueprint';
import { approvalsInvalidatedByFields } from '../approvals/approval-requests';
import { fieldsChanged } from '../core/field-changes';
import type { FieldsChanged } from '../core/core.events';
import { checkText } from '../record/command-problems';
import type { RecordCommandBase } from '../record/record-command';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireInvariantsKept, requireOpen } from '../record/record-rules';
import type { ExistingRecord, RecordState } from '../record/record.state';
import type { Transitioned } from '../transition/transition.events';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { QuoteLinesCommand } from './quote-lines.commands';
import type { QuoteLinesEvent, QuotePriced, QuoteRevised, QuoteSent } from './quote-lines.events';
import { documentFieldsOf, documentLocaleOf, quoteDocument } from './quote-document';
import { quotePricing, quotePricingOf } from './quote-pricing.part';

/** The record kind whose records have lines (README, Quote lines). */
export const QUOTE_KIND = 'quote';

/** The fields the lines set: a priced quote's totals come from its lines, never by hand. */
export const PRICED_FIELDS = ['total', 'discount', 'currency'] as const;

const quotesOnly = (problems: string[], command: RecordCommandBase): void => {
  if (command.kind !== QUOTE_KIND) problems.push(`kind: only quotes have lines, not ${command.kind}`);
};

const requireCatalog = (catalog: QuoteCatalog | null | undefined): QuoteCatalog => {
  if (catalog === null || catalog === undefined) throw new CatalogException(CatalogExceptionCode.NO_CATALOG, 'quotes cannot have lines here: the blueprints folder has no catalog (README, Products and price books)');
  return catalog;
};

/** Lines change only while the quote is in its blueprint's first stage; a sent quote is revised first. */
const requireEditable = (record: ExistingRecord, blueprint: CompiledBlueprint): void => {
  requireOpen(record);
  const editable = blueprint.definition.initialStage;
  if (record.stage !== editable) {
    throw new WorkflowException(
      WorkflowExceptionCode.QUOTE_NOT_EDITABLE,
      `quote "${record.recordId}" is in stage "${record.stage}"; its lines change only in "${editable}" (revise a sent quote, or send it back, first)`,
      { stage: record.stage, editableIn: editable },
    );
  }
};

/** The field values the priced lines stand for, limited to the fields the blueprint declares. */
export const pricedFieldValues = (priced: PricedQuote, blueprint: CompiledBlueprint): FieldValues => {
  const values: FieldValues = { total: majorUnits(priced.total, priced.currency), discount: priced.effectiveDiscount, currency: priced.currency };
  const declared = new Set(blueprint.definition.fields.map((field) => field.name));
  return Object.fromEntries(Object.entries(values).filter(([name]) => declared.has(name)));
};

const isTransitioned = (event: DecidedRecordEvent): event is Transitioned => event.type === 'Transitioned';
const isFieldsChanged = (event: DecidedRecordEvent): event is FieldsChanged => event.type === 'FieldsChanged';

/** A move back to the first stage of a quote whose current version was sent starts the next version. */
const revisionFollowing = (record: ExistingRecord, decided: readonly DecidedRecordEvent[], blueprint: CompiledBlueprint): QuoteRevised[] => {
  const back = decided.filter(isTransitioned).find((moved) => moved.data.to === blueprint.definition.initialStage && moved.data.from !== moved.data.to);
  const { current } = quotePricingOf(record);
  if (back === undefined || current.sent === null) return [];
  return [{ type: 'QuoteRevised', data: { recordId: record.recordId, from: current.version, to: current.version + 1, reason: back.data.reason } }];
};

/** The stage in which a quote is with the customer: entering it sends the document (README, Quote document). */
export const SENT_STAGE = 'sent';

/** The fields after the decided changes, as the document shows them. */
const fieldsAfter = (record: ExistingRecord, decided: readonly DecidedRecordEvent[]): FieldValues => {
  const fields: Record<string, FieldValues[string]> = { ...record.fields };
  for (const changed of decided.filter(isFieldsChanged)) {
    for (const [name, change] of Object.entries(changed.data.changes)) {
      if (change.to === null) delete fields[name];
      else fields[name] = change.to;
    }
  }
  return fields;
};

/** Entering the sent stage with priced lines sends the current version's document: its hash is stored. */
const sentFollowing = (record: ExistingRecord, decided: readonly DecidedRecordEvent[]): QuoteSent[] => {
  const sent = decided.filter(isTransitioned).some((moved) => moved.data.to === SENT_STAGE && moved.data.from !== SENT_STAGE);
  const { current } = quotePricingOf(record);
  if (!sent || current.priced === null) return [];
  const fields = fieldsAfter(record, decided);
  const locale = documentLocaleOf(fields);
  // A version sent again (revised, then re-sent) is a new version: this one has not been sent yet.
  const document = quoteDocument(record.recordId, { ...current, sent: null }, fields, locale);
  if (document === null) return [];
  const data = { recordId: record.recordId, quoteVersion: current.version, locale, documentHash: document.hash, documentFields: documentFieldsOf(fields), total: current.priced.total, currency: current.priced.currency };
  return [{ type: 'QuoteSent', data }];
};

/** A priced quote's totals are its lines': a command other than pricing that would change them is refused. */
const requireTotalsFromLines = (command: RecordCommandBase, record: ExistingRecord, decided: readonly DecidedRecordEvent[]): void => {
  if (command.type === 'PriceQuote' || quotePricingOf(record).current.priced === null) return;
  const touched = decided.filter(isFieldsChanged).flatMap((changed) => Object.keys(changed.data.changes).filter((name) => (PRICED_FIELDS as readonly string[]).includes(name)));
  if (touched.length === 0) return;
  throw new WorkflowException(
    WorkflowExceptionCode.INVALID_FIELDS,
    `${[...new Set(touched)].join(', ')}: set by the quote's lines; change the lines instead (PUT /records/quote/${record.recordId}/lines)`,
    { problems: [...new Set(touched)].map((field) => ({ field, message: `${field}: set by the quote's lines` })) },
  );
};

const existing = (state: RecordState, decided: readonly DecidedRecordEvent[]): ExistingRecord | null =>
  state.status === 'none' || decided.length === 0 ? null : state;

/**
 * Quote lines (README, Quote lines): priced from a pinned price book version with tax from the rate
 * table, in exact minor units; the totals, effective discount and currency follow into the quote's
 * fields, so its blueprint's criteria and approval thresholds read them; a sent quote sent back to the
 * first stage starts a new version and keeps the old one in history.
 */
export const quoteLinesSlice = defineRecordSlice<QuoteLinesCommand, QuoteLinesEvent>({
  name: 'quote-lines',
  commands: {
    PriceQuote: {
      problems: (command) => {
        const problems: string[] = [];
        quotesOnly(problems, command);
        if (command.priceBook !== undefined) checkText(problems, 'priceBook', command.priceBook, 64);
        if (command.priceBookVersion !== undefined && (!Number.isSafeInteger(command.priceBookVersion) || command.priceBookVersion < 1)) problems.push('priceBookVersion: expected a whole number ≥ 1');
        if (command.taxRegion !== undefined) checkText(problems, 'taxRegion', command.taxRegion, 32);
        problems.push(...quoteLineProblems(command.lines));
        return problems;
      },
      access: () => ({ action: 'update' }),
      decide: (command, state, { blueprint, now, catalog }) => {
        const record = requireExisting(state);
        requireEditable(record, blueprint);
        const { current } = quotePricingOf(record);
        const pinned = current.priced?.priceBook ?? null;
        const bookId = command.priceBook ?? pinned?.id;
        const taxRegion = command.taxRegion ?? current.priced?.taxRegion;
        const missing = [...(bookId === undefined ? ['priceBook: required when the quote is priced the first time'] : []), ...(taxRegion === undefined ? ['taxRegion: required when the quote is priced the first time'] : [])];
        if (bookId === undefined || taxRegion === undefined) throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, missing.join('; '), { problems: missing });
        const version = command.priceBookVersion ?? (pinned !== null && pinned.id === bookId ? pinned.version : undefined);
        const priced = priceQuote(requireCatalog(catalog), {
          priceBook: version === undefined ? { id: bookId } : { id: bookId, version },
          taxRegion,
          lines: command.lines.map(({ sku, quantity, discountPercent }) => (discountPercent === undefined ? { sku, quantity } : { sku, quantity, discountPercent })),
          day: now.toISOString().slice(0, 10),
        });
        const after = { ...record.fields, ...pricedFieldValues(priced, blueprint) };
        requireInvariantsKept(blueprint, record, record.stage, after);
        const event: QuotePriced = { type: 'QuotePriced', data: { recordId: record.recordId, quoteVersion: current.version, ...priced } };
        return [event, ...fieldsChanged(record.recordId, record.fields, pricedFieldValues(priced, blueprint)), ...approvalsInvalidatedByFields(record, record.fields, after)];
      },
    },
  },
  events: {
    QuotePriced: {
      evolve: (draft, event) => {
        const { recordId: _recordId, quoteVersion: _version, ...priced } = event.data;
        const pricing = quotePricing.read(draft);
        quotePricing.write(draft, { ...pricing, current: { ...pricing.current, priced } });
      },
    },
    QuoteRevised: {
      evolve: (draft, event) => {
        const { current, history } = quotePricing.read(draft);
        // The new version starts from the lines of the one it revises, to be changed from there.
        quotePricing.write(draft, { history: [...history, current], current: { version: event.data.to, priced: current.priced, sent: null } });
      },
    },
    QuoteSent: {
      evolve: (draft, event) => {
        const pricing = quotePricing.read(draft);
        const sent = { at: event.occurredAt, locale: event.data.locale, documentHash: event.data.documentHash, documentFields: event.data.documentFields };
        quotePricing.write(draft, { ...pricing, current: { ...pricing.current, sent } });
      },
    },
  },
  follows: {
    follow: (command, state, decided, { blueprint }) => {
      const record = existing(state, decided);
      if (record === null || record.kind !== QUOTE_KIND) return [];
      requireTotalsFromLines(command, record, decided);
      return [...revisionFollowing(record, decided, blueprint), ...sentFollowing(record, decided)];
    },
  },
});

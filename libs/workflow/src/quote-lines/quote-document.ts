import { isQuoteLocale, quoteDocumentHash, renderQuoteDocument, type QuoteLocale } from '@crm/catalog';
import type { FieldValues } from '@crm/blueprint';
import type { ExistingRecord } from '../record/record.state';
import type { DocumentFields } from './quote-lines.events';
import { quotePricingOf, type QuoteVersion } from './quote-pricing.part';

/** The field a quote's document language is read from; absent: English. */
export const LANGUAGE_FIELD = 'language';

const textOf = (fields: FieldValues, name: string): string | null => {
  const value = fields[name];
  return typeof value === 'string' ? value : null;
};

export const documentLocaleOf = (fields: FieldValues): QuoteLocale => {
  const language = fields[LANGUAGE_FIELD];
  return isQuoteLocale(language) ? language : 'en';
};

/** What a document shows of the quote's fields. */
export const documentFieldsOf = (fields: FieldValues): DocumentFields => ({
  customerEmail: textOf(fields, 'customerEmail'),
  validUntil: textOf(fields, 'validUntil'),
  paymentTerms: textOf(fields, 'paymentTerms'),
  terms: textOf(fields, 'terms'),
});

/**
 * A quote version's document in a locale; null when that version has no lines. A version already sent
 * shows the fields it was sent with (its QuoteSent), so in its locale it renders the very bytes whose
 * hash QuoteSent stored; one not yet sent shows `fields` as they are.
 */
export const quoteDocument = (recordId: string, version: QuoteVersion, fields: FieldValues, locale: QuoteLocale): { html: string; hash: string } | null => {
  if (version.priced === null) return null;
  const html = renderQuoteDocument({ quoteId: recordId, version: version.version, locale, priced: version.priced, ...(version.sent?.documentFields ?? documentFieldsOf(fields)) });
  return { html, hash: quoteDocumentHash(html) };
};

/** The version of a quote a reader asks for: the current one by default, or one kept in history. */
export const quoteVersionOf = (record: ExistingRecord, version?: number): QuoteVersion | null => {
  const pricing = quotePricingOf(record);
  if (version === undefined || version === pricing.current.version) return pricing.current;
  return pricing.history.find((candidate) => candidate.version === version) ?? null;
};

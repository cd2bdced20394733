import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogException, CatalogExceptionCode, chromiumPath, isQuoteLocale, printPdf } from '@crm/catalog';
import { documentLocaleOf, quoteDocument, quoteVersionOf } from '@crm/workflow';
import { RecordDesk } from '../../records/record-desk';
import { GetQuoteDocumentQuery, type QuoteDocumentAnswer } from './get-quote-document.query';

/**
 * The quote document from the quote's own stream: a version already sent is rendered in the locale it
 * was sent in (unless asked otherwise), so its hash is the one QuoteSent stored.
 */
@QueryHandler(GetQuoteDocumentQuery)
export class GetQuoteDocumentHandler implements IQueryHandler<GetQuoteDocumentQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, version, locale, format }: GetQuoteDocumentQuery): Promise<QuoteDocumentAnswer> {
    const record = await this.desk.engine.commands.read(kind, id, user);
    const shown = quoteVersionOf(record, version);
    const shownLocale = locale ?? (isQuoteLocale(shown?.sent?.locale) ? shown.sent.locale : documentLocaleOf(record.fields));
    const document = shown === null ? null : quoteDocument(record.recordId, shown, record.fields, shownLocale);
    if (shown === null || document === null) {
      throw new CatalogException(CatalogExceptionCode.QUOTE_DOCUMENT_NOT_FOUND, `${kind} "${id}" has no ${version === undefined ? 'priced lines' : `version ${version} with lines`} to show`, { version: version ?? null });
    }
    if (format === 'json') {
      const view = { recordId: record.recordId, version: shown.version, locale: shownLocale, documentHash: document.hash, sent: shown.sent !== null, html: document.html };
      return { contentType: 'application/json; charset=utf-8', body: view, documentHash: document.hash };
    }
    if (format === 'html') return { contentType: 'text/html; charset=utf-8', body: document.html, documentHash: document.hash };
    return { contentType: 'application/pdf', body: await printPdf(document.html, chromiumPath(process.env)), documentHash: document.hash };
  }
}

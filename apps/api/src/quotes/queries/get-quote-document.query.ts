import { Query } from '@nestjs/cqrs';
import type { QuoteLocale } from '@crm/catalog';
import type { User } from '@crm/identity';
import type { DocumentFormat } from '../quote-requests.dto';

/** The document as JSON (format=json): the HTML with what it is. */
export interface QuoteDocumentView {
  readonly recordId: string;
  readonly version: number;
  readonly locale: string;
  /** sha256 of `html`: for a sent version, the hash QuoteSent stored. */
  readonly documentHash: string;
  /** Whether this version was sent (as this locale's document or another's). */
  readonly sent: boolean;
  readonly html: string;
}

export interface QuoteDocumentAnswer {
  readonly contentType: 'text/html; charset=utf-8' | 'application/pdf' | 'application/json; charset=utf-8';
  readonly body: string | Buffer | QuoteDocumentView;
  /** sha256 of the HTML document (also for a PDF: the HTML is the contract). */
  readonly documentHash: string;
}

export class GetQuoteDocumentQuery extends Query<QuoteDocumentAnswer> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly version: number | undefined,
    readonly locale: QuoteLocale | undefined,
    readonly format: DocumentFormat,
  ) {
    super();
  }
}

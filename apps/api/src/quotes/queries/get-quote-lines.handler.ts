import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogException, CatalogExceptionCode } from '@crm/catalog';
import { quotePricingOf, quoteVersionOf } from '@crm/workflow';
import { RecordDesk } from '../../records/record-desk';
import type { QuoteLinesView } from '../quote-lines-view';
import { GetQuoteLinesQuery } from './get-quote-lines.query';

/** Read from the quote's own stream, for who may read the quote. */
@QueryHandler(GetQuoteLinesQuery)
export class GetQuoteLinesHandler implements IQueryHandler<GetQuoteLinesQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id, version }: GetQuoteLinesQuery): Promise<QuoteLinesView> {
    const record = await this.desk.engine.commands.read(kind, id, user);
    const pricing = quotePricingOf(record);
    const shown = quoteVersionOf(record, version);
    if (shown === null) throw new CatalogException(CatalogExceptionCode.QUOTE_DOCUMENT_NOT_FOUND, `${kind} "${id}" has no version ${String(version)}`, { version, currentVersion: pricing.current.version });
    return {
      recordId: record.recordId,
      version: shown.version,
      currentVersion: pricing.current.version,
      versions: [...pricing.history, pricing.current].map((entry) => ({ version: entry.version, priced: entry.priced !== null, sent: entry.sent })),
      sent: shown.sent,
      priced: shown.priced,
    };
  }
}

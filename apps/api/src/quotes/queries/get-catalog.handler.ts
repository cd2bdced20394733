import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogException, CatalogExceptionCode } from '@crm/catalog';
import { RecordDesk } from '../../records/record-desk';
import { GetCatalogQuery, type CatalogView } from './get-catalog.query';

/** The catalog the engine loaded at start (README, Products and price books); price books filtered by currency and segment. */
@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ filter }: GetCatalogQuery): Promise<CatalogView> {
    const catalog = this.desk.engine.quoteCatalog;
    if (catalog === null) throw new CatalogException(CatalogExceptionCode.NO_CATALOG, 'no catalog: the blueprints folder has no catalog/ (README, Products and price books)');
    return {
      products: [...catalog.products.values()],
      priceBooks: catalog.priceBooks
        .filter((book) => (filter.currency === undefined || book.currency === filter.currency) && (filter.segment === undefined || book.segment === filter.segment))
        .sort((a, b) => (a.id === b.id ? a.version - b.version : a.id < b.id ? -1 : 1)),
      taxRates: catalog.taxRates.rates,
      reportingCurrency: catalog.exchangeRates.base,
      exchangeRates: catalog.exchangeRates.rates,
    };
  }
}

import { Query } from '@nestjs/cqrs';
import type { PriceBook, Product } from '@crm/catalog';

export interface CatalogView {
  readonly products: readonly Product[];
  readonly priceBooks: readonly PriceBook[];
  readonly taxRates: Readonly<Record<string, number>>;
  readonly reportingCurrency: string;
  readonly exchangeRates: Readonly<Record<string, string>>;
}

export class GetCatalogQuery extends Query<CatalogView> {
  constructor(readonly filter: { readonly currency?: string; readonly segment?: string }) {
    super();
  }
}

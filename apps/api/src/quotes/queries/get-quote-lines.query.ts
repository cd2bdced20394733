import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { QuoteLinesView } from '../quote-lines-view';

export class GetQuoteLinesQuery extends Query<QuoteLinesView> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
    readonly version: number | undefined,
  ) {
    super();
  }
}

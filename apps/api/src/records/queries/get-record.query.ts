import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordView } from '../record-view';

export class GetRecordQuery extends Query<RecordView> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
  ) {
    super();
  }
}

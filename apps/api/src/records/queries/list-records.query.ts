import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { RecordPage } from '@crm/projections';
import type { ListRecordsRequest } from '../record-requests.dto';

export class ListRecordsQuery extends Query<RecordPage> {
  constructor(
    readonly kind: string,
    readonly request: ListRecordsRequest,
    readonly user: User,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { HistoryEntry } from '../record-view';

export interface RecordHistory {
  readonly kind: string;
  readonly id: string;
  readonly events: readonly HistoryEntry[];
}

export class RecordHistoryQuery extends Query<RecordHistory> {
  constructor(
    readonly user: User,
    readonly kind: string,
    readonly id: string,
  ) {
    super();
  }
}

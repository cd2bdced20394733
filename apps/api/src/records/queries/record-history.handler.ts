import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import { historyEntry } from '../record-view';
import { RecordHistoryQuery, type RecordHistory } from './record-history.query';

@QueryHandler(RecordHistoryQuery)
export class RecordHistoryHandler implements IQueryHandler<RecordHistoryQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id }: RecordHistoryQuery): Promise<RecordHistory> {
    this.desk.authorize(user, 'read', await this.desk.load(kind, id));
    const events = await this.desk.engine.commands.records.history(kind, id);
    return { kind, id, events: events.map(historyEntry) };
  }
}

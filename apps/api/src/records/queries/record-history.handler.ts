import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import { historyEntry } from '../record-view';
import { RecordHistoryQuery, type RecordHistory } from './record-history.query';

@QueryHandler(RecordHistoryQuery)
export class RecordHistoryHandler implements IQueryHandler<RecordHistoryQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id }: RecordHistoryQuery): Promise<RecordHistory> {
    const events = await this.desk.engine.commands.history(kind, id, user);
    return { kind, id, events: events.map(historyEntry) };
  }
}

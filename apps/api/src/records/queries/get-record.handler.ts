import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RecordDesk } from '../record-desk';
import { recordView, type RecordView } from '../record-view';
import { GetRecordQuery } from './get-record.query';

/** Read from the record's own stream (strongly consistent), not from a read model. */
@QueryHandler(GetRecordQuery)
export class GetRecordHandler implements IQueryHandler<GetRecordQuery> {
  constructor(private readonly desk: RecordDesk) {}

  async execute({ user, kind, id }: GetRecordQuery): Promise<RecordView> {
    const record = await this.desk.engine.commands.read(kind, id, user);
    const { commands } = this.desk.engine;
    return recordView(record, commands.blueprintOf(record), user, commands.nextSteps(record, user));
  }
}

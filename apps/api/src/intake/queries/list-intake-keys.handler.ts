import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { IntakeKeyView } from '@crm/intake';
import { IntakeDesk } from '../intake-desk';
import { ListIntakeKeysQuery } from './list-intake-keys.query';

@QueryHandler(ListIntakeKeysQuery)
export class ListIntakeKeysHandler implements IQueryHandler<ListIntakeKeysQuery> {
  constructor(private readonly desk: IntakeDesk) {}

  async execute({ user }: ListIntakeKeysQuery): Promise<{ readonly keys: IntakeKeyView[] }> {
    return { keys: await this.desk.keys.list(this.desk.admin(user)) };
  }
}

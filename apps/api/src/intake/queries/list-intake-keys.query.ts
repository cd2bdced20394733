import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { IntakeKeyView } from '@crm/intake';

export class ListIntakeKeysQuery extends Query<{ readonly keys: IntakeKeyView[] }> {
  constructor(readonly user: User) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { BlueprintDraft } from '@crm/workflow';

export class BlueprintDraftQuery extends Query<BlueprintDraft> {
  constructor(
    readonly user: User,
    readonly id: string,
  ) {
    super();
  }
}

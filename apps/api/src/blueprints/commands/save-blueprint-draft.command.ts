import { Command } from '@nestjs/cqrs';
import type { User } from '@crm/identity';
import type { BlueprintDraft } from '@crm/workflow';

export class SaveBlueprintDraftCommand extends Command<BlueprintDraft> {
  constructor(
    readonly user: User,
    readonly id: string,
    readonly source: string,
  ) {
    super();
  }
}

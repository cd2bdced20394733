import { Command } from '@nestjs/cqrs';
import type { BlueprintRef } from '@crm/blueprint';
import type { User } from '@crm/identity';

export interface PublishedBlueprint {
  readonly ref: BlueprintRef;
  /** The versions of the blueprint now, oldest first. */
  readonly versions: readonly BlueprintRef[];
}

export class PublishBlueprintCommand extends Command<PublishedBlueprint> {
  constructor(
    readonly user: User,
    readonly source: string,
  ) {
    super();
  }
}

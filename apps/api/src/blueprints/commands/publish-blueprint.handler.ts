import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import { ENGINE, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { PublishBlueprintCommand, type PublishedBlueprint } from './publish-blueprint.command';

/** Problems name the request body as their file. */
export const REQUEST_FILE = 'request body';

/** Every start-up check, all problems at once (400 INVALID_BLUEPRINT); then the running engine decides new records with it. */
@CommandHandler(PublishBlueprintCommand)
export class PublishBlueprintHandler implements ICommandHandler<PublishBlueprintCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, source }: PublishBlueprintCommand): Promise<PublishedBlueprint> {
    requireBlueprintAuthor(user, this.users, 'publish blueprints');
    const compiled = await this.engine.publishBlueprint(source, { file: REQUEST_FILE, actor: user.id });
    return { ref: compiled.ref, versions: this.engine.catalog.versions(compiled.ref.id) };
  }
}

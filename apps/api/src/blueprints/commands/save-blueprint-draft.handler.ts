import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BlueprintException, BlueprintExceptionCode, validateBlueprint, type BlueprintProblem } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import { saveBlueprintDraft, type BlueprintDraft } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { REQUEST_FILE } from './publish-blueprint.handler';
import { SaveBlueprintDraftCommand } from './save-blueprint-draft.command';

/** The id a draft declares, when it is a valid blueprint (an unfinished draft is kept under the id it is saved as). */
const declaredId = (source: string): string | undefined => {
  const validation = validateBlueprint(source, REQUEST_FILE);
  return validation.ok ? validation.definition.id : undefined;
};

/**
 * Stores a draft as it is, with what publishing it now would be refused for: a draft may be unfinished.
 * Only a draft declaring another blueprint's id is refused (it would be found under the wrong name).
 */
@CommandHandler(SaveBlueprintDraftCommand)
export class SaveBlueprintDraftHandler implements ICommandHandler<SaveBlueprintDraftCommand> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, id, source }: SaveBlueprintDraftCommand): Promise<BlueprintDraft> {
    requireBlueprintAuthor(user, this.users, 'save blueprint drafts');
    const declared = declaredId(source);
    if (declared !== undefined && declared !== id) {
      throw new BlueprintException(BlueprintExceptionCode.INVALID_BLUEPRINT, `the draft declares id "${declared}", not "${id}"`, {
        problems: [{ file: REQUEST_FILE, path: 'id', message: `the draft declares id "${declared}"; save it under /blueprints/${declared}/draft` }],
      });
    }
    return saveBlueprintDraft(this.engine.store, { id, source, problems: await this.problemsOf(source), savedBy: user.id });
  }

  private async problemsOf(source: string): Promise<readonly BlueprintProblem[]> {
    try {
      await this.engine.checkBlueprint(source, REQUEST_FILE);
      return [];
    } catch (error) {
      if (error instanceof BlueprintException) return error.details.problems;
      throw error;
    }
  }
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlueprintException, BlueprintExceptionCode } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import { latestBlueprintDraft, type BlueprintDraft } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { BlueprintDraftQuery } from './blueprint-draft.query';

/** Drafts are the process owners' work in progress: only they (and admins) read them. */
@QueryHandler(BlueprintDraftQuery)
export class BlueprintDraftHandler implements IQueryHandler<BlueprintDraftQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, id }: BlueprintDraftQuery): Promise<BlueprintDraft> {
    requireBlueprintAuthor(user, this.users, 'read blueprint drafts');
    const draft = await latestBlueprintDraft(this.engine.store, id);
    if (draft === null) throw new BlueprintException(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND, `no draft of blueprint "${id}"`, { problems: [] });
    return draft;
  }
}

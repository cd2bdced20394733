import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlueprintException, BlueprintExceptionCode, compileBlueprint, parseBlueprint, type CompiledBlueprint } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import type { UserDirectory } from '@crm/identity';
import { whatIfBound, whatIfReplay, type WhatIfReport, type WhatIfWindow } from '@crm/workflow';
import { ENGINE, USER_DIRECTORY } from '../../api.tokens';
import { requireBlueprintAuthor } from '../blueprint-author';
import { REQUEST_FILE } from '../commands/publish-blueprint.handler';
import { publishedVersions } from './published-version';
import { WhatIfQuery } from './what-if.query';

/** The draft compiled as `crm blueprint what-if` compiles it; a draft of another blueprint would replay the wrong records. */
const compiledDraft = (id: string, source: string): CompiledBlueprint => {
  const definition = parseBlueprint(source, REQUEST_FILE);
  if (definition.id !== id) {
    throw new BlueprintException(BlueprintExceptionCode.INVALID_BLUEPRINT, `the draft declares id "${definition.id}", not "${id}"`, {
      problems: [{ file: REQUEST_FILE, path: 'id', message: `the draft declares id "${definition.id}"; ask /blueprints/${definition.id}/what-if` }],
    });
  }
  return compileBlueprint(definition);
};

/** The request's bounds, already checked by the request's validation. */
const windowOf = (from: string | undefined, to: string | undefined): WhatIfWindow => {
  const bound = (side: 'from' | 'to', text: string | undefined) => {
    const at = text === undefined ? null : whatIfBound(side, text);
    return at === null ? {} : { [side]: at };
  };
  return { ...bound('from', from), ...bound('to', to) };
};

/** Read-only: the recorded history of the blueprint's records replayed against a draft (README, What-if replay). */
@QueryHandler(WhatIfQuery)
export class WhatIfHandler implements IQueryHandler<WhatIfQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ user, id, request }: WhatIfQuery): Promise<WhatIfReport> {
    requireBlueprintAuthor(user, this.users, 'replay history against drafts');
    publishedVersions(this.engine.catalog, id);
    const draft = compiledDraft(id, request.source);
    return whatIfReplay({ store: this.engine.store, catalog: this.engine.catalog, draft, window: windowOf(request.from, request.to) });
  }
}

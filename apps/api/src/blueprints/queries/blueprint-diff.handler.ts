import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { diffBlueprints, formatBlueprintDiff } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import { ENGINE } from '../../api.tokens';
import { publishedVersion } from './published-version';
import { BlueprintDiffQuery, type BlueprintDiffAnswer } from './blueprint-diff.query';

@QueryHandler(BlueprintDiffQuery)
export class BlueprintDiffHandler implements IQueryHandler<BlueprintDiffQuery> {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async execute({ id, from, to }: BlueprintDiffQuery): Promise<BlueprintDiffAnswer> {
    const diff = diffBlueprints(publishedVersion(this.engine.catalog, id, from).definition, publishedVersion(this.engine.catalog, id, to).definition);
    return { ...diff, text: formatBlueprintDiff(diff) };
  }
}

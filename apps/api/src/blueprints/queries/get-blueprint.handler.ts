import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlueprintException, BlueprintExceptionCode, toMermaid } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import { ENGINE } from '../../api.tokens';
import { GetBlueprintQuery, type BlueprintDetail } from './get-blueprint.query';

@QueryHandler(GetBlueprintQuery)
export class GetBlueprintHandler implements IQueryHandler<GetBlueprintQuery> {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async execute({ id, version }: GetBlueprintQuery): Promise<BlueprintDetail> {
    const versions = this.engine.catalog.versions(id);
    const ref = version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === version);
    if (!ref) {
      const known = versions.map((candidate) => candidate.version).join(', ');
      throw new BlueprintException(
        BlueprintExceptionCode.BLUEPRINT_NOT_FOUND,
        versions.length === 0 ? `no blueprint "${id}"` : `blueprint "${id}" has no version ${version}; versions: ${known}`,
        { problems: [] },
      );
    }
    const compiled = this.engine.catalog.get(ref);
    return { ref, definition: compiled.definition, versions, diagram: toMermaid(compiled.definition) };
  }
}

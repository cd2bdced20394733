import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import { ENGINE } from '../../api.tokens';
import { ListBlueprintsQuery, type BlueprintSummary } from './list-blueprints.query';

@QueryHandler(ListBlueprintsQuery)
export class ListBlueprintsHandler implements IQueryHandler<ListBlueprintsQuery> {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async execute(): Promise<BlueprintSummary[]> {
    return this.engine.catalog.kinds().map((kind) => {
      const latest = this.engine.catalog.latestForKind(kind);
      return {
        id: latest.ref.id,
        kind,
        title: latest.definition.title,
        latestVersion: latest.ref.version,
        versions: this.engine.catalog.versions(latest.ref.id),
      };
    });
  }
}

import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Engine } from '@crm/engine';
import type { ReadModelDatabase } from '@crm/projection-runtime';
import { blueprintVersionCounts } from '@crm/projections';
import { ENGINE, READ_MODELS } from '../../api.tokens';
import { publishedVersions } from './published-version';
import { BlueprintVersionsQuery, type BlueprintVersions } from './blueprint-versions.query';

/** Counts from the records read model (it follows a write within a second), versions from the catalog. */
@QueryHandler(BlueprintVersionsQuery)
export class BlueprintVersionsHandler implements IQueryHandler<BlueprintVersionsQuery> {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ id }: BlueprintVersionsQuery): Promise<BlueprintVersions> {
    const refs = publishedVersions(this.engine.catalog, id);
    const versions = blueprintVersionCounts(this.readModels.db, refs.map((ref) => this.engine.catalog.get(ref)));
    return { id, latestVersion: refs[refs.length - 1].version, versions };
  }
}

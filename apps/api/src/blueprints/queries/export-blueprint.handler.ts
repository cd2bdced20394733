import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toMermaid, toXStateJson } from '@crm/blueprint';
import type { Engine } from '@crm/engine';
import { ENGINE } from '../../api.tokens';
import { publishedVersion } from './published-version';
import { ExportBlueprintQuery, type BlueprintExport } from './export-blueprint.query';

/** SVG is drawn by the web app from the Mermaid text (no library here draws it without a browser; README, Blueprint lifecycle). */
@QueryHandler(ExportBlueprintQuery)
export class ExportBlueprintHandler implements IQueryHandler<ExportBlueprintQuery> {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async execute({ id, format, version }: ExportBlueprintQuery): Promise<BlueprintExport> {
    const { definition } = publishedVersion(this.engine.catalog, id, version);
    return { format, content: format === 'xstate' ? toXStateJson(definition) : toMermaid(definition, { criteria: true }) };
  }
}

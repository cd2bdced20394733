import type { Database } from 'better-sqlite3';
import { BlueprintException, BlueprintExceptionCode, type CompiledBlueprint } from '@crm/blueprint';
import { planMigration, type BlueprintCatalog, type MigrationPlan } from '@crm/workflow';
import { recordsOnVersion } from './records.queries';

export interface MigrationRequest {
  readonly blueprint: string;
  readonly from: number;
  readonly to: number;
  /** Stage of `from` → stage of `to`; a stage not named keeps its id. */
  readonly stageMap?: Readonly<Record<string, string>>;
}

const versionOf = (catalog: BlueprintCatalog, id: string, version: number): CompiledBlueprint => {
  const versions = catalog.versions(id);
  const ref = versions.find((candidate) => candidate.version === version);
  if (ref === undefined) {
    const known = versions.length === 0 ? `no blueprint "${id}"` : `blueprint "${id}" has no version ${version}; versions: ${versions.map((candidate) => candidate.version).join(', ')}`;
    throw new BlueprintException(BlueprintExceptionCode.BLUEPRINT_NOT_FOUND, known, { problems: [] });
  }
  return catalog.get(ref);
};

/**
 * The migration plan of every live record (not in a final stage) of `from`, read from the records read
 * model: within a second of the log. Applying re-decides each record on its own stream.
 */
export const planMigrationFromReadModel = (db: Database, catalog: BlueprintCatalog, request: MigrationRequest): MigrationPlan => {
  const from = versionOf(catalog, request.blueprint, request.from);
  const to = versionOf(catalog, request.blueprint, request.to);
  const finalStages = from.definition.stages.filter((stage) => stage.final).map((stage) => stage.id);
  const records = recordsOnVersion(db, { kind: from.definition.kind, blueprintId: from.ref.id, version: from.ref.version, finalStages });
  return planMigration(from, to, request.stageMap ?? {}, records);
};

import type { CompiledBlueprint, UnmetCriterion } from '@crm/blueprint';
import type { ExistingRecord } from '../record/record.state';

/** Where one record would land in a target version, and what it would break there. */
export interface MigrationTarget {
  /** The stage in the target version; null when the record's stage is not there and no map names one. */
  readonly toStage: string | null;
  /** The target stage's exit criteria (README, Blueprint reference: exit criteria are invariants) the record's fields break. */
  readonly unmet: readonly UnmetCriterion[];
}

/** Pure: the stage map's target for the record's stage (else the same id), and the criteria its fields break there. */
export const migrationTargetOf = (
  record: Pick<ExistingRecord, 'stage' | 'fields'>,
  target: CompiledBlueprint,
  stageMap: Readonly<Record<string, string>>,
): MigrationTarget => {
  const toStage = stageMap[record.stage] ?? record.stage;
  if (target.stage(toStage) === undefined) return { toStage: null, unmet: [] };
  return { toStage, unmet: target.unmetInvariants(toStage, record.fields) };
};

/** Stage map problems: each key a stage of `from`, each value a stage of `to`. */
export const stageMapProblems = (from: CompiledBlueprint, to: CompiledBlueprint, stageMap: Readonly<Record<string, string>>): string[] =>
  Object.entries(stageMap).flatMap(([source, target]) => [
    ...(from.stage(source) === undefined ? [`stageMap: "${source}" is not a stage of ${from.ref.id} v${from.ref.version}`] : []),
    ...(to.stage(target) === undefined ? [`stageMap.${source}: "${target}" is not a stage of ${to.ref.id} v${to.ref.version}`] : []),
  ]);

import { createHash } from 'node:crypto';
import type { BlueprintRef, CompiledBlueprint, FieldValues, UnmetCriterion } from '@crm/blueprint';
import { canonicalJson } from '@crm/blueprint';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { migrationTargetOf, stageMapProblems } from './migrate-record';

/** A live record as the plan sees it (from a read model: the decision re-checks it on the record's stream). */
export interface RecordToMigrate {
  readonly recordId: string;
  readonly stage: string;
  readonly fields: FieldValues;
  /** The record's revision as read; the migration's command for it derives from it (README, Blueprint lifecycle). */
  readonly revision: number;
}

export interface PlannedMigration {
  readonly recordId: string;
  readonly revision: number;
  readonly stage: string;
  /** null: the stage is not in the target version and no map names one (the record is in a removed stage). */
  readonly toStage: string | null;
  /** The target stage's exit criteria the record would break; [] when none. */
  readonly unmet: readonly UnmetCriterion[];
}

export interface MigrationPlan {
  readonly blueprint: string;
  readonly from: BlueprintRef;
  readonly to: BlueprintRef;
  readonly stageMap: Readonly<Record<string, string>>;
  readonly records: readonly PlannedMigration[];
  /** Counts: all records, those that move cleanly, those that would break criteria, those in removed stages. */
  readonly summary: { readonly records: number; readonly ready: number; readonly breaking: number; readonly removedStage: number };
  /** Unmet criteria by rule (`requires budgetApproved`), with how many records break each. */
  readonly unmetByRule: Readonly<Record<string, number>>;
}

const ruleOf = (unmet: UnmetCriterion): string => (unmet.field !== undefined ? `${unmet.criterion} ${unmet.field}` : unmet.expression !== undefined ? `${unmet.criterion} ${unmet.expression}` : unmet.criterion);

/**
 * Pure: where each live record of version `from` would land in `to` (the stage map's stage, else the same
 * id), which criteria of that stage it would break, and which records sit in stages `to` no longer has.
 */
export const planMigration = (from: CompiledBlueprint, to: CompiledBlueprint, stageMap: Readonly<Record<string, string>>, records: readonly RecordToMigrate[]): MigrationPlan => {
  if (from.ref.id !== to.ref.id) throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `a migration stays within one blueprint: ${from.ref.id} is not ${to.ref.id}`, {});
  const problems = stageMapProblems(from, to, stageMap);
  if (problems.length > 0) throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid stage map: ${problems.join('; ')}`, { problems });
  const planned = records.map((record): PlannedMigration => ({ recordId: record.recordId, revision: record.revision, stage: record.stage, ...migrationTargetOf(record, to, stageMap) }));
  const unmetByRule: Record<string, number> = {};
  for (const record of planned) for (const rule of new Set(record.unmet.map(ruleOf))) unmetByRule[rule] = (unmetByRule[rule] ?? 0) + 1;
  return {
    blueprint: from.ref.id,
    from: from.ref,
    to: to.ref,
    stageMap,
    records: planned,
    summary: {
      records: planned.length,
      ready: planned.filter((record) => record.toStage !== null && record.unmet.length === 0).length,
      breaking: planned.filter((record) => record.toStage !== null && record.unmet.length > 0).length,
      removedStage: planned.filter((record) => record.toStage === null).length,
    },
    unmetByRule,
  };
};

/**
 * The id of one migration as asked (blueprint, versions, stage map, force, reason): a retried apply gets
 * the same id, so each record's command id (this id and the record's revision) stores nothing twice.
 */
export const migrationIdOf = (plan: Pick<MigrationPlan, 'from' | 'to' | 'stageMap'>, options: { readonly force: boolean; readonly reason: string | null }): string =>
  createHash('sha256')
    .update(canonicalJson({ from: plan.from, to: plan.to, stageMap: plan.stageMap, force: options.force, reason: options.reason }))
    .digest('hex')
    .slice(0, 32);

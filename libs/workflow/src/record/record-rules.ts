import { validateFieldValues, type CompiledBlueprint, type FieldValues } from '@crm/blueprint';
import { requireNotMerged } from '../lead-dedup/lead-dedup.part';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { ExistingRecord, RecordState } from './record.state';

/** The rules most decisions start with, each refusing with the code the API maps. */

export const recordNotFound = (kind: string, recordId: string): WorkflowException =>
  new WorkflowException(WorkflowExceptionCode.RECORD_NOT_FOUND, `${kind} "${recordId}" does not exist`, { kind, recordId });

export const requireExisting = (state: RecordState): ExistingRecord => {
  if (state.status === 'none') throw recordNotFound(state.kind, state.recordId);
  return state;
};

export const requireNew = (state: RecordState): void => {
  if (state.status !== 'none') {
    throw new WorkflowException(WorkflowExceptionCode.RECORD_ALREADY_EXISTS, `${state.kind} "${state.recordId}" already exists`, {
      kind: state.kind,
      recordId: state.recordId,
    });
  }
};

export const requireOpen = (record: ExistingRecord): void => {
  // A lead merged away is closed too, but the caller needs to know where it went.
  requireNotMerged(record);
  if (record.status === 'closed') {
    throw new WorkflowException(
      WorkflowExceptionCode.RECORD_CLOSED,
      `${record.kind} "${record.recordId}" is in final stage "${record.stage}"; its fields can no longer change`,
      { stage: record.stage },
    );
  }
};

/**
 * Which referenced records exist for the acting user: resolved by the command handler before the
 * decision (a decision reads no other stream), so the decision stays pure.
 */
export interface References {
  exists(kind: string, recordId: string): boolean;
}

/** Field values of the right types, and references to records that exist (and that the actor may read). */
export const requireValidFields = (blueprint: CompiledBlueprint, fields: FieldValues, references: References): void => {
  const problems = [...validateFieldValues(blueprint.definition, fields), ...referenceProblems(blueprint, fields, references)];
  if (problems.length > 0) {
    throw new WorkflowException(
      WorkflowExceptionCode.INVALID_FIELDS,
      `invalid fields for ${blueprint.definition.kind}: ${problems.map((problem) => problem.message).join('; ')}`,
      { problems },
    );
  }
};

/**
 * A reference names a record of its kind that exists. Missing and unreadable read the same: an answer
 * that differed would tell who may not read a record that it exists.
 */
const referenceProblems = (blueprint: CompiledBlueprint, fields: FieldValues, references: References): { field: string; message: string }[] =>
  blueprint.definition.fields.flatMap((field) => {
    const value = Object.prototype.hasOwnProperty.call(fields, field.name) ? fields[field.name] : undefined;
    if (field.type !== 'reference' || field.to === undefined || typeof value !== 'string' || references.exists(field.to, value)) return [];
    return [{ field: field.name, message: `${field.name}: no ${field.to} "${value}"` }];
  });

/** Refuses a change that would break what the record's stage required (exit criteria stay true). */
export const requireInvariantsKept = (blueprint: CompiledBlueprint, record: ExistingRecord, stage: string, after: FieldValues): void => {
  const broken = blueprint.brokenInvariants(stage, record.fields, after);
  if (broken.length > 0) {
    throw new WorkflowException(
      WorkflowExceptionCode.EXIT_CRITERIA_BROKEN,
      `cannot change ${record.kind} "${record.recordId}": ${broken.map((unmet) => unmet.message).join('; ')} (required since ${[...new Set(broken.map((unmet) => unmet.event))].join(', ')})`,
      { stage, unmet: broken },
    );
  }
};

/** Field values without the cleared ones: a record stores only fields that hold a value. */
export const withoutNulls = (fields: FieldValues): FieldValues => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

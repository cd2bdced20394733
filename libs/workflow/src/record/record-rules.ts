import { validateFieldValues, type CompiledBlueprint, type FieldValues } from '@crm/blueprint';
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
  if (record.status === 'closed') {
    throw new WorkflowException(
      WorkflowExceptionCode.RECORD_CLOSED,
      `${record.kind} "${record.recordId}" is in final stage "${record.stage}"; its fields can no longer change`,
      { stage: record.stage },
    );
  }
};

export const requireValidFields = (blueprint: CompiledBlueprint, fields: FieldValues): void => {
  const problems = validateFieldValues(blueprint.definition, fields);
  if (problems.length > 0) {
    throw new WorkflowException(
      WorkflowExceptionCode.INVALID_FIELDS,
      `invalid fields for ${blueprint.definition.kind}: ${problems.map((problem) => problem.message).join('; ')}`,
      { problems },
    );
  }
};

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

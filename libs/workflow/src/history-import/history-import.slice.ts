import type { CompiledBlueprint, FieldValues } from '@crm/blueprint';
import type { CoreEvent } from '../core/core.events';
import { fieldsChanged } from '../core/field-changes';
import { checkFieldValues, checkOwner, checkText, isPlainObject } from '../record/command-problems';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireNew, requireValidFields, withoutNulls } from '../record/record-rules';
import type { TransitionEvent } from '../transition/transition.events';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { HistoryImportCommand, ImportRecordHistory } from './history-import.commands';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const businessTime = (label: string, value: unknown, problems: string[]): string | null => {
  const parsed = typeof value === 'string' && isoDateTime.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    problems.push(`${label}: expected an ISO-8601 date-time with offset, got ${JSON.stringify(value)}`);
    return null;
  }
  return parsed.toISOString();
};

/** Every problem of an imported history: unknown stages, bad or unordered dates, moves after a final stage. */
const historyProblems = (command: ImportRecordHistory, blueprint: CompiledBlueprint): string[] => {
  const problems: string[] = [];
  let previousTime = businessTime('openedAt', command.openedAt, problems);
  let previousStage = blueprint.definition.initialStage;
  if (!Array.isArray(command.stages)) return [...problems, 'stages: expected a list of { stage, enteredAt, fields? }'];
  command.stages.forEach((visit, index) => {
    const label = `stages[${index}]`;
    const stage = blueprint.stage(visit.stage);
    if (!stage) problems.push(`${label}.stage: unknown stage "${visit.stage}"`);
    else if (visit.stage === previousStage) problems.push(`${label}.stage: already in "${visit.stage}"`);
    if (blueprint.stage(previousStage)?.final) problems.push(`${label}: "${previousStage}" is final; no stage can follow it`);
    const enteredAt = businessTime(`${label}.enteredAt`, visit.enteredAt, problems);
    if (enteredAt && previousTime && enteredAt < previousTime) {
      problems.push(`${label}.enteredAt: ${enteredAt} is before the previous step (${previousTime})`);
    }
    previousTime = enteredAt ?? previousTime;
    previousStage = visit.stage;
  });
  return problems;
};

const transitionEventBetween = (blueprint: CompiledBlueprint, from: string, to: string): string =>
  blueprint.transitionsFrom(from).find((transition) => transition.to === to)?.event ?? 'imported';

/** History from another system, recorded as dated facts. */
export const historyImportSlice = defineRecordSlice<HistoryImportCommand, never>({
  name: 'history-import',
  commands: {
    ImportRecordHistory: {
      opensRecord: true,
      problems: (command) => {
        const problems: string[] = [];
        checkFieldValues(problems, 'fields', command.fields, false);
        checkOwner(problems, command.owner, false);
        checkText(problems, 'source', command.source, 1_000);
        if (!Array.isArray(command.stages)) problems.push('stages: expected a list of { stage, enteredAt, fields? }');
        else {
          command.stages.forEach((visit, index) => {
            if (!isPlainObject(visit)) problems.push(`stages[${index}]: expected { stage, enteredAt, fields? }`);
            else if (visit.fields !== undefined && !isPlainObject(visit.fields)) problems.push(`stages[${index}].fields: expected an object`);
          });
        }
        return problems;
      },
      access: (command) => ({ action: 'import', record: { kind: command.kind, owner: command.owner }, newOwner: command.owner }),
      decide: (command, state, { blueprint }) => {
        requireNew(state);
        const problems = historyProblems(command, blueprint);
        if (problems.length > 0) {
          throw new WorkflowException(
            WorkflowExceptionCode.INVALID_COMMAND,
            `invalid history for ${command.kind} "${command.recordId}": ${problems.join('; ')}`,
            { problems },
          );
        }
        requireValidFields(blueprint, { ...command.fields });
        command.stages.forEach((visit) => requireValidFields(blueprint, visit.fields ?? {}));

        const initialStage = blueprint.definition.initialStage;
        const events: DecidedRecordEvent<CoreEvent | TransitionEvent>[] = [
          {
            type: 'RecordOpened',
            occurredAt: new Date(command.openedAt).toISOString(),
            data: {
              recordId: command.recordId,
              kind: blueprint.definition.kind,
              blueprint: blueprint.ref,
              stage: initialStage,
              owner: command.owner,
              fields: withoutNulls(command.fields),
            },
          },
        ];
        let fields: FieldValues = command.fields;
        let stage = initialStage;
        for (const visit of command.stages) {
          const occurredAt = new Date(visit.enteredAt).toISOString();
          for (const changed of fieldsChanged(command.recordId, fields, visit.fields ?? {})) events.push({ ...changed, occurredAt });
          events.push({
            type: 'Transitioned',
            occurredAt,
            data: { recordId: command.recordId, event: transitionEventBetween(blueprint, stage, visit.stage), from: stage, to: visit.stage, reason: null },
          });
          fields = { ...fields, ...(visit.fields ?? {}) };
          stage = visit.stage;
        }
        return events;
      },
    },
  },
  events: {},
});

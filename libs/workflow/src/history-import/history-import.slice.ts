import type { CompiledBlueprint, FieldValues } from '@crm/blueprint';
import { parseIsoDateTime } from '@crm/clock';
import type { CoreEvent } from '../core/core.events';
import { fieldsChanged } from '../core/field-changes';
import { checkFieldValues, checkOwner, checkText, isPlainObject } from '../record/command-problems';
import type { DecidedRecordEvent } from '../record/record-event';
import { defineRecordSlice } from '../record/record-slice';
import { requireNew, requireValidFields, withoutNulls } from '../record/record-rules';
import type { TransitionEvent } from '../transition/transition.events';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { HistoryImportCommand, ImportRecordHistory } from './history-import.commands';
import type { HistoryImportEvent } from './history-import.events';
import { judgeImportedMove } from './imported-move';

/** A visit with its business time read: the instant in canonical form. */
interface DatedVisit {
  readonly stage: string;
  readonly enteredAt: string;
  readonly fields: FieldValues;
}

interface DatedHistory {
  readonly openedAt: string;
  readonly visits: readonly DatedVisit[];
}

/** The strict parser of `@crm/clock`: a day that does not exist is refused, never moved to another day. */
const businessTime = (label: string, value: unknown, problems: string[]): string | null => {
  const parsed = typeof value === 'string' ? parseIsoDateTime(value) : null;
  if (parsed === null) {
    problems.push(`${label}: expected an ISO-8601 date-time with offset, got ${JSON.stringify(value)}`);
    return null;
  }
  return parsed.toISOString();
};

/** The history with its times read, or every problem: unknown stages, bad or unordered dates, moves after a final stage. */
const datedHistory = (command: ImportRecordHistory, blueprint: CompiledBlueprint): { readonly problems: string[]; readonly history: DatedHistory | null } => {
  const problems: string[] = [];
  const openedAt = businessTime('openedAt', command.openedAt, problems);
  if (!Array.isArray(command.stages)) return { problems: [...problems, 'stages: expected a list of { stage, enteredAt, fields? }'], history: null };
  let previousTime = openedAt;
  let previousStage = blueprint.definition.initialStage;
  const visits: DatedVisit[] = [];
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
    if (enteredAt !== null) visits.push({ stage: visit.stage, enteredAt, fields: visit.fields ?? {} });
    previousTime = enteredAt ?? previousTime;
    previousStage = visit.stage;
  });
  return { problems, history: problems.length === 0 && openedAt !== null ? { openedAt, visits } : null };
};

/** History from another system, recorded as dated facts; a move no transition explains is a StageRecorded. */
export const historyImportSlice = defineRecordSlice<HistoryImportCommand, HistoryImportEvent>({
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
      decide: (command, state, { blueprint, references }) => {
        requireNew(state);
        const { problems, history } = datedHistory(command, blueprint);
        if (history === null) {
          throw new WorkflowException(
            WorkflowExceptionCode.INVALID_COMMAND,
            `invalid history for ${command.kind} "${command.recordId}": ${problems.join('; ')}`,
            { problems },
          );
        }
        requireValidFields(blueprint, { ...command.fields }, references);
        history.visits.forEach((visit) => requireValidFields(blueprint, visit.fields, references));

        const initialStage = blueprint.definition.initialStage;
        const events: DecidedRecordEvent<CoreEvent | TransitionEvent | HistoryImportEvent>[] = [
          {
            type: 'RecordOpened',
            occurredAt: history.openedAt,
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
        for (const visit of history.visits) {
          const occurredAt = visit.enteredAt;
          for (const changed of fieldsChanged(command.recordId, fields, visit.fields)) events.push({ ...changed, occurredAt });
          fields = { ...fields, ...visit.fields };
          const move = { from: stage, to: visit.stage, fields, supplied: visit.fields, owner: command.owner, actor: command.actor };
          const judgement = judgeImportedMove(blueprint, move);
          events.push(
            judgement.explained
              ? { type: 'Transitioned', occurredAt, data: { recordId: command.recordId, event: judgement.event, from: stage, to: visit.stage, reason: null } }
              : { type: 'StageRecorded', occurredAt, data: { recordId: command.recordId, from: stage, to: visit.stage, unmet: judgement.unmet } },
          );
          stage = visit.stage;
        }
        return events;
      },
    },
  },
  events: {
    StageRecorded: {
      // The same move as a Transitioned (transition slice): the stage, when it was entered, open or closed.
      evolve: (draft, event, context) => {
        draft.stage = event.data.to;
        draft.stageEnteredAt = event.occurredAt;
        draft.status = context.isFinal(draft.blueprint, draft.stage) ? 'closed' : 'open';
      },
    },
  },
});

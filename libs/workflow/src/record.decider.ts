import {
  decideTransition,
  validateFieldValues,
  type CompiledBlueprint,
  type FieldValues,
  type TaskTemplate,
} from '@crm/blueprint';
import type { FireTransition, ImportRecordHistory, OpenRecord, Reassign, RecordCommand, UpdateFields } from './record.commands';
import type { FieldChange, RecordEvent, TaskOpened } from './record.events';
import { deriveId, recordIdFor } from './record-ids';
import type { RecordState } from './record.state';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception';

/** A decided event; `occurredAt` is set only when business time is not "now" (imported history). */
export type DecidedEvent = RecordEvent & { readonly occurredAt?: string };

/**
 * decide(command, state) → events, or a WorkflowException naming every reason for refusal.
 * Pure: the blueprint and the moment are passed in; nothing is read or written here.
 */
export const decideRecord = (
  command: RecordCommand,
  state: RecordState,
  blueprint: CompiledBlueprint,
  now: Date,
): DecidedEvent[] => {
  switch (command.type) {
    case 'OpenRecord':
      return decideOpen(command, state, blueprint, now);
    case 'UpdateFields':
      return decideUpdate(command, requireOpenRecord(state), blueprint);
    case 'FireTransition':
      return decideFire(command, requireOpenRecord(state), blueprint, now);
    case 'Reassign':
      return decideReassign(command, requireOpenRecord(state));
    case 'ImportRecordHistory':
      return decideImport(command, state, blueprint);
  }
};

const requireOpenRecord = (state: RecordState): RecordState => {
  if (!state.exists) {
    throw new WorkflowException(
      WorkflowExceptionCode.RECORD_NOT_FOUND,
      `${state.kind} "${state.recordId}" does not exist`,
      { kind: state.kind, recordId: state.recordId },
    );
  }
  return state;
};

const assertValidFields = (blueprint: CompiledBlueprint, fields: FieldValues): void => {
  const problems = validateFieldValues(blueprint.definition, fields);
  if (problems.length > 0) {
    throw new WorkflowException(
      WorkflowExceptionCode.INVALID_FIELDS,
      `invalid fields for ${blueprint.definition.kind}: ${problems.map((problem) => problem.message).join('; ')}`,
      { problems },
    );
  }
};

const assertNotFinal = (state: RecordState, blueprint: CompiledBlueprint): void => {
  if (blueprint.stage(state.stage)?.final) {
    throw new WorkflowException(
      WorkflowExceptionCode.RECORD_CLOSED,
      `${state.kind} "${state.recordId}" is in final stage "${state.stage}"; its fields can no longer change`,
      { stage: state.stage },
    );
  }
};

/** Only the fields whose value actually changes; `null` clears a field. */
export const fieldChanges = (current: FieldValues, next: FieldValues): Record<string, FieldChange> => {
  const changes: Record<string, FieldChange> = {};
  for (const [name, to] of Object.entries(next)) {
    const from = current[name] ?? null;
    if (from !== to) changes[name] = { from, to };
  }
  return changes;
};

const fieldsChanged = (recordId: string, current: FieldValues, next: FieldValues): RecordEvent[] => {
  const changes = fieldChanges(current, next);
  return Object.keys(changes).length === 0 ? [] : [{ type: 'FieldsChanged', data: { recordId, changes } }];
};

const taskOpened = (
  command: RecordCommand,
  recordId: string,
  stage: string,
  assignee: string | null,
  task: TaskTemplate,
  now: Date,
): TaskOpened => ({
  type: 'TaskOpened',
  data: {
    recordId,
    taskId: deriveId(command.commandId, `task:${stage}:${task.id}`),
    template: task.id,
    title: task.title,
    stage,
    assignee,
    dueAt: task.dueInDays === undefined ? null : new Date(now.getTime() + task.dueInDays * 86_400_000).toISOString(),
  },
});

const assertNew = (state: RecordState): void => {
  if (state.exists) {
    throw new WorkflowException(
      WorkflowExceptionCode.RECORD_ALREADY_EXISTS,
      `${state.kind} "${state.recordId}" already exists`,
      { kind: state.kind, recordId: state.recordId },
    );
  }
};

const decideOpen = (command: OpenRecord, state: RecordState, blueprint: CompiledBlueprint, now: Date): RecordEvent[] => {
  assertNew(state);
  const fields = command.fields ?? {};
  assertValidFields(blueprint, fields);
  const recordId = command.recordId ?? recordIdFor(command.commandId);
  const owner = command.owner === undefined ? command.actor.id : command.owner;
  const stage = blueprint.definition.initialStage;
  const entryTasks = blueprint.stage(stage)?.entryTasks ?? [];
  return [
    {
      type: 'RecordOpened',
      data: {
        recordId,
        kind: blueprint.definition.kind,
        blueprint: blueprint.ref,
        stage,
        owner,
        fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)),
      },
    },
    ...entryTasks.map((task) => taskOpened(command, recordId, stage, owner, task, now)),
  ];
};

const decideUpdate = (command: UpdateFields, state: RecordState, blueprint: CompiledBlueprint): RecordEvent[] => {
  assertValidFields(blueprint, command.fields);
  assertNotFinal(state, blueprint);
  return fieldsChanged(state.recordId, state.fields, command.fields);
};

const decideFire = (command: FireTransition, state: RecordState, blueprint: CompiledBlueprint, now: Date): RecordEvent[] => {
  const supplied = command.fields ?? {};
  assertValidFields(blueprint, supplied);
  const fields = { ...state.fields, ...supplied };
  const decision = decideTransition(
    blueprint,
    { stage: state.stage, fields, supplied, owner: state.owner, actor: command.actor },
    command.event,
  );
  switch (decision.kind) {
    case 'unknown_event': {
      const available = [...new Set(blueprint.definition.transitions.map((transition) => transition.event))];
      throw new WorkflowException(
        WorkflowExceptionCode.UNKNOWN_EVENT,
        `${blueprint.definition.kind} blueprint has no transition "${command.event}"; known: ${available.join(', ')}`,
        { event: command.event, available },
      );
    }
    case 'refused':
      throw new WorkflowException(
        WorkflowExceptionCode.TRANSITION_REFUSED,
        `cannot ${command.event} ${state.kind} "${state.recordId}": ${decision.unmet.map((unmet) => unmet.message).join('; ')}`,
        { event: command.event, stage: state.stage, unmet: decision.unmet },
      );
    case 'transitioned':
      return [
        ...fieldsChanged(state.recordId, state.fields, supplied),
        {
          type: 'Transitioned',
          data: {
            recordId: state.recordId,
            event: command.event,
            from: decision.from,
            to: decision.to,
            reason: command.reason ?? null,
          },
        },
        ...decision.tasks.map((task) => taskOpened(command, state.recordId, decision.to, state.owner, task, now)),
      ];
  }
};

const decideReassign = (command: Reassign, state: RecordState): RecordEvent[] =>
  state.owner === command.owner
    ? []
    : [{ type: 'OwnerChanged', data: { recordId: state.recordId, from: state.owner, to: command.owner } }];

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
const importProblems = (command: ImportRecordHistory, blueprint: CompiledBlueprint): string[] => {
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

const decideImport = (command: ImportRecordHistory, state: RecordState, blueprint: CompiledBlueprint): DecidedEvent[] => {
  assertNew(state);
  const problems = importProblems(command, blueprint);
  if (problems.length > 0) {
    throw new WorkflowException(
      WorkflowExceptionCode.INVALID_COMMAND,
      `invalid history for ${command.kind} "${command.recordId}": ${problems.join('; ')}`,
      { problems },
    );
  }
  assertValidFields(blueprint, { ...command.fields });
  command.stages.forEach((visit) => assertValidFields(blueprint, visit.fields ?? {}));

  const initialStage = blueprint.definition.initialStage;
  const events: DecidedEvent[] = [
    {
      type: 'RecordOpened',
      occurredAt: new Date(command.openedAt).toISOString(),
      data: {
        recordId: command.recordId,
        kind: blueprint.definition.kind,
        blueprint: blueprint.ref,
        stage: initialStage,
        owner: command.owner,
        fields: Object.fromEntries(Object.entries(command.fields).filter(([, value]) => value !== null)),
      },
    },
  ];
  let fields: FieldValues = command.fields;
  let stage = initialStage;
  for (const visit of command.stages) {
    const occurredAt = new Date(visit.enteredAt).toISOString();
    const next = { ...fields, ...(visit.fields ?? {}) };
    for (const changed of fieldsChanged(command.recordId, fields, visit.fields ?? {})) events.push({ ...changed, occurredAt });
    events.push({
      type: 'Transitioned',
      occurredAt,
      data: { recordId: command.recordId, event: transitionEventBetween(blueprint, stage, visit.stage), from: stage, to: visit.stage, reason: null },
    });
    fields = next;
    stage = visit.stage;
  }
  return events;
};

import type { RecordCommand } from './record.commands';
import { WorkflowException, WorkflowExceptionCode } from './workflow.exception';

const identifier = /^[a-z][a-z0-9_]*$/;
/** Record ids are our UUIDs or ids carried over from another system (imports): no spaces, no slashes. */
const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COMMAND_TYPES = ['OpenRecord', 'UpdateFields', 'FireTransition', 'Reassign', 'ImportRecordHistory'];

/**
 * A value as a message shows it, without ever calling its own conversions: a command parsed from JSON
 * can carry `{ "toString": "" }`, which `String()` and template literals would throw on.
 */
const shown = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
};

/** Every problem with the command's shape, so the caller can fix them in one go. */
export const commandProblems = (command: RecordCommand): string[] => {
  if (!isPlainObject(command)) return [`expected a command object, got ${shown(command)}`];
  const problems: string[] = [];
  const text = (name: string, value: unknown, max = 200): void => {
    if (typeof value !== 'string' || value.length === 0 || value.length > max) {
      problems.push(`${name}: expected a non-empty string of at most ${max} characters`);
    }
  };
  text('commandId', command.commandId);
  if (!isPlainObject(command.actor)) problems.push('actor: expected { id, roles }');
  else {
    text('actor.id', command.actor.id);
    if (!Array.isArray(command.actor.roles) || command.actor.roles.some((role) => typeof role !== 'string')) {
      problems.push('actor.roles: expected a list of role names');
    }
  }
  if (command.correlationId !== undefined) text('correlationId', command.correlationId);
  if (command.causationId !== undefined) text('causationId', command.causationId);
  if (command.expectedRevision !== undefined && (!Number.isInteger(command.expectedRevision) || command.expectedRevision < -1)) {
    problems.push('expectedRevision: expected a whole number ≥ -1 (-1: the record must not exist yet)');
  }
  if (typeof command.kind !== 'string' || !identifier.test(command.kind)) problems.push('kind: expected a lower-case identifier');
  const recordId = command.type === 'OpenRecord' ? command.recordId : command.recordId;
  if ((command.type !== 'OpenRecord' || recordId !== undefined) && (typeof recordId !== 'string' || !recordIdPattern.test(recordId))) {
    problems.push('recordId: expected 1-128 letters, digits, or _ . : - (starting with a letter or digit)');
  }
  switch (command.type) {
    case 'OpenRecord':
      if (command.fields !== undefined && !isPlainObject(command.fields)) problems.push('fields: expected an object of field values');
      if (command.owner !== undefined && command.owner !== null) text('owner', command.owner);
      break;
    case 'UpdateFields':
      if (!isPlainObject(command.fields)) problems.push('fields: expected an object of field values');
      break;
    case 'FireTransition':
      text('event', command.event);
      if (command.fields !== undefined && !isPlainObject(command.fields)) problems.push('fields: expected an object of field values');
      if (command.reason !== undefined) text('reason', command.reason, 2_000);
      break;
    case 'Reassign':
      if (command.owner !== null) text('owner', command.owner);
      break;
    case 'ImportRecordHistory':
      if (!isPlainObject(command.fields)) problems.push('fields: expected an object of field values');
      if (command.owner !== null) text('owner', command.owner);
      text('source', command.source, 1_000);
      if (!Array.isArray(command.stages)) problems.push('stages: expected a list of { stage, enteredAt, fields? }');
      else {
        command.stages.forEach((visit, index) => {
          if (!isPlainObject(visit)) problems.push(`stages[${index}]: expected { stage, enteredAt, fields? }`);
          else if (visit.fields !== undefined && !isPlainObject(visit.fields)) problems.push(`stages[${index}].fields: expected an object`);
        });
      }
      break;
    default:
      problems.push(`type: unknown command ${shown((command as { type: unknown }).type)}; expected one of ${COMMAND_TYPES.join(', ')}`);
  }
  return problems;
};

export const validateCommand = (command: RecordCommand): void => {
  const problems = commandProblems(command);
  if (problems.length > 0) {
    const type: unknown = isPlainObject(command) ? command.type : undefined;
    const name = typeof type === 'string' && COMMAND_TYPES.includes(type) ? `${type} command` : 'command';
    throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid ${name}: ${problems.join('; ')}`, {
      problems,
    });
  }
};

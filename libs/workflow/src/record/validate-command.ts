import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import { checkText, isPlainObject, shown } from './command-problems';
import type { RecordCommandBase } from './record-command';
import { RecordSlices } from './record-slices';

const identifier = /^[a-z][a-z0-9_]*$/;
/** Record ids are our UUIDs or ids carried over from another system (imports): no spaces, no slashes. */
const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

const BUILT_IN = new RecordSlices();

/** Every problem with the command's shape, so the caller can fix them in one go. */
export const commandProblems = (command: RecordCommandBase, slices: RecordSlices = BUILT_IN): string[] => {
  if (!isPlainObject(command)) return [`expected a command object, got ${shown(command)}`];
  const problems: string[] = [];
  checkText(problems, 'commandId', command.commandId);
  if (!isPlainObject(command.actor)) problems.push('actor: expected { id, roles }');
  else {
    checkText(problems, 'actor.id', command.actor.id);
    if (!Array.isArray(command.actor.roles) || command.actor.roles.some((role) => typeof role !== 'string')) {
      problems.push('actor.roles: expected a list of role names');
    }
  }
  if (command.correlationId !== undefined) checkText(problems, 'correlationId', command.correlationId);
  if (command.causationId !== undefined) checkText(problems, 'causationId', command.causationId);
  if (command.expectedRevision !== undefined && (!Number.isInteger(command.expectedRevision) || command.expectedRevision < -1)) {
    problems.push('expectedRevision: expected a whole number ≥ -1 (-1: the record must not exist yet)');
  }
  if (command.origin !== undefined) {
    if (!isPlainObject(command.origin)) problems.push('origin: expected { via, osUser? }');
    else {
      checkText(problems, 'origin.via', command.origin.via, 40);
      if (command.origin.osUser !== undefined) checkText(problems, 'origin.osUser', command.origin.osUser, 200);
    }
  }
  if (typeof command.kind !== 'string' || !identifier.test(command.kind)) problems.push('kind: expected a lower-case identifier');
  const handling = typeof command.type === 'string' ? slices.handling(command.type) : undefined;
  const { recordId } = command;
  if ((handling?.derivesRecordId !== true || recordId !== undefined) && (typeof recordId !== 'string' || !recordIdPattern.test(recordId))) {
    problems.push('recordId: expected 1-128 letters, digits, or _ . : - (starting with a letter or digit)');
  }
  if (handling === undefined) {
    problems.push(`type: unknown command ${shown(command.type)}; expected one of ${slices.commandTypes.join(', ')}`);
  } else {
    problems.push(...handling.problems(command));
  }
  return problems;
};

export const validateCommand = (command: RecordCommandBase, slices: RecordSlices = BUILT_IN): void => {
  const problems = commandProblems(command, slices);
  if (problems.length > 0) {
    const type: unknown = isPlainObject(command) ? command.type : undefined;
    const name = typeof type === 'string' && slices.handling(type) !== undefined ? `${type} command` : 'command';
    throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid ${name}: ${problems.join('; ')}`, { problems });
  }
};

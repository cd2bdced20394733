import { AssignmentException, AssignmentExceptionCode } from '@crm/assignment';
import { BlueprintException, BlueprintExceptionCode, type UnmetCriterion } from '@crm/blueprint';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { EventStoreException, EventStoreExceptionCode } from '@crm/event-store';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import {
  CliException,
  EXIT_CONFLICT,
  EXIT_FAILURE,
  EXIT_FORBIDDEN,
  EXIT_INVALID,
  EXIT_REFUSED,
} from './cli.exception';

// The same grouping the API makes into HTTP statuses (400 → 3, 403 → 5, 409 → 6, 422 → 4), so a script
// and a client tell the same failures apart.
const WORKFLOW_EXIT: Readonly<Record<WorkflowExceptionCode, number>> = {
  [WorkflowExceptionCode.UNKNOWN_KIND]: EXIT_FAILURE,
  [WorkflowExceptionCode.RECORD_NOT_FOUND]: EXIT_FAILURE,
  [WorkflowExceptionCode.RECORD_ALREADY_EXISTS]: EXIT_CONFLICT,
  [WorkflowExceptionCode.INVALID_COMMAND]: EXIT_INVALID,
  [WorkflowExceptionCode.INVALID_FIELDS]: EXIT_INVALID,
  [WorkflowExceptionCode.UNKNOWN_EVENT]: EXIT_INVALID,
  [WorkflowExceptionCode.UNKNOWN_ACTIVITY]: EXIT_INVALID,
  [WorkflowExceptionCode.TRANSITION_REFUSED]: EXIT_REFUSED,
  [WorkflowExceptionCode.RECORD_CLOSED]: EXIT_REFUSED,
  [WorkflowExceptionCode.TASK_NOT_FOUND]: EXIT_FAILURE,
  [WorkflowExceptionCode.TASK_CLOSED]: EXIT_CONFLICT,
  [WorkflowExceptionCode.APPROVAL_NOT_FOUND]: EXIT_FAILURE,
  [WorkflowExceptionCode.APPROVAL_CLOSED]: EXIT_CONFLICT,
  [WorkflowExceptionCode.LEAD_NOT_IN_POOL]: EXIT_CONFLICT,
  [WorkflowExceptionCode.LEAD_ALREADY_IN_POOL]: EXIT_CONFLICT,
  [WorkflowExceptionCode.CLAIM_CAP_REACHED]: EXIT_REFUSED,
  [WorkflowExceptionCode.CLAIM_COOLDOWN]: EXIT_REFUSED,
  [WorkflowExceptionCode.LEAD_MERGED]: EXIT_CONFLICT,
  [WorkflowExceptionCode.MERGE_NOT_FOUND]: EXIT_FAILURE,
  [WorkflowExceptionCode.EXIT_CRITERIA_BROKEN]: EXIT_REFUSED,
  [WorkflowExceptionCode.CONCURRENCY_CONFLICT]: EXIT_CONFLICT,
  [WorkflowExceptionCode.FORBIDDEN]: EXIT_FORBIDDEN,
  [WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED]: EXIT_REFUSED,
  [WorkflowExceptionCode.BLUEPRINT_VERSION_MISSING]: EXIT_FAILURE,
  [WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT]: EXIT_CONFLICT,
  [WorkflowExceptionCode.CONVERSION_REFUSED]: EXIT_REFUSED,
  [WorkflowExceptionCode.CONVERSION_FAILED]: EXIT_REFUSED,
  [WorkflowExceptionCode.CONVERSION_IN_PROGRESS]: EXIT_CONFLICT,
  [WorkflowExceptionCode.CONVERSION_REQUIRED]: EXIT_CONFLICT,
  [WorkflowExceptionCode.MIGRATION_REFUSED]: EXIT_REFUSED,
  [WorkflowExceptionCode.ORDER_NOT_PAYABLE]: EXIT_CONFLICT,
  [WorkflowExceptionCode.PAYMENT_ABOVE_BALANCE]: EXIT_REFUSED,
  [WorkflowExceptionCode.PAYMENT_CURRENCY_MISMATCH]: EXIT_REFUSED,
  [WorkflowExceptionCode.PAYMENT_ID_REUSED]: EXIT_CONFLICT,
  [WorkflowExceptionCode.QUOTE_NOT_EDITABLE]: EXIT_CONFLICT,
};

// The command loop's own refusals, as quotas and forecast snapshots (stored as events) meet them.
const COMMAND_LOOP_EXIT: Readonly<Record<CommandHandlerExceptionCode, number>> = {
  [CommandHandlerExceptionCode.CONCURRENCY_CONFLICT]: EXIT_CONFLICT,
  [CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED]: EXIT_REFUSED,
};

const IDENTITY_EXIT: Readonly<Record<IdentityExceptionCode, number>> = {
  [IdentityExceptionCode.UNAUTHENTICATED]: EXIT_FORBIDDEN,
  [IdentityExceptionCode.FORBIDDEN]: EXIT_FORBIDDEN,
  [IdentityExceptionCode.INVALID_USERS_FILE]: EXIT_FAILURE,
};

const BLUEPRINT_EXIT: Readonly<Record<BlueprintExceptionCode, number>> = {
  [BlueprintExceptionCode.INVALID_BLUEPRINT]: EXIT_INVALID,
  [BlueprintExceptionCode.BLUEPRINT_NOT_FOUND]: EXIT_FAILURE,
};

const ASSIGNMENT_EXIT: Readonly<Record<AssignmentExceptionCode, number>> = {
  [AssignmentExceptionCode.INVALID_ABSENCE]: EXIT_INVALID,
  [AssignmentExceptionCode.ABSENCE_NOT_FOUND]: EXIT_FAILURE,
  [AssignmentExceptionCode.UNKNOWN_USER]: EXIT_FAILURE,
  [AssignmentExceptionCode.FORBIDDEN]: EXIT_FORBIDDEN,
  [AssignmentExceptionCode.REACTORS_BEHIND]: EXIT_FAILURE,
};

/** The exit code a failure ends the process with; anything unexpected is a plain failure (1). */
export const exitCodeOf = (error: unknown): number => {
  if (error instanceof CliException) return error.exitCode;
  if (error instanceof WorkflowException) return WORKFLOW_EXIT[error.code];
  if (error instanceof IdentityException) return IDENTITY_EXIT[error.code];
  if (error instanceof CommandHandlerException) return COMMAND_LOOP_EXIT[error.code];
  if (error instanceof BlueprintException) return BLUEPRINT_EXIT[error.code];
  if (error instanceof AssignmentException) return ASSIGNMENT_EXIT[error.code];
  if (error instanceof EventStoreException && error.code === EventStoreExceptionCode.WRONG_EXPECTED_REVISION) return EXIT_CONFLICT;
  return EXIT_FAILURE;
};

const isUnmet = (value: unknown): value is UnmetCriterion =>
  typeof value === 'object' && value !== null && typeof (value as UnmetCriterion).criterion === 'string' && typeof (value as UnmetCriterion).message === 'string';

const isFieldProblem = (value: unknown): value is { field: string; message: string } =>
  typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string' && typeof (value as { message?: unknown }).message === 'string';

const unmetLine = (unmet: UnmetCriterion): string =>
  `  unmet ${unmet.criterion}${unmet.field === undefined ? '' : ` ${unmet.field}`}: ${unmet.message}`;

/**
 * What went wrong, for stderr: `CODE: message`, then one line per unmet criterion, per invalid field, or
 * the rule that forbids it, so every reason is visible at once. A stack only for unexpected errors.
 */
export const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  if (!('code' in error) || typeof error.code !== 'string') return error.stack ?? error.message;
  const details: Record<string, unknown> =
    'details' in error && typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const unmet = Array.isArray(details['unmet']) ? details['unmet'].filter(isUnmet).map(unmetLine) : [];
  const fields = Array.isArray(details['problems']) ? details['problems'].filter(isFieldProblem).map((problem) => `  invalid ${problem.message}`) : [];
  const rule = typeof details['rule'] === 'string' ? [`  rule: ${details['rule']}`] : [];
  // The CLI's own messages read as sentences; library codes are kept so they can be looked up.
  const head = error instanceof CliException ? error.message : `${error.code}: ${error.message}`;
  return [head, ...unmet, ...fields, ...rule].join('\n');
};

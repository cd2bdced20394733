export enum WorkflowExceptionCode {
  /** No blueprint governs this record kind. */
  UNKNOWN_KIND = 'UNKNOWN_KIND',
  RECORD_NOT_FOUND = 'RECORD_NOT_FOUND',
  RECORD_ALREADY_EXISTS = 'RECORD_ALREADY_EXISTS',
  /** The command is malformed (missing actor, bad ids, wrong shapes). */
  INVALID_COMMAND = 'INVALID_COMMAND',
  /** Field values that do not match their declared types, or unknown fields; `details.problems`. */
  INVALID_FIELDS = 'INVALID_FIELDS',
  /** The blueprint declares no transition with this event name; `details.available`. */
  UNKNOWN_EVENT = 'UNKNOWN_EVENT',
  /** The blueprint scores no activity of this type; `details.available` lists those it does. */
  UNKNOWN_ACTIVITY = 'UNKNOWN_ACTIVITY',
  /** Exit criteria not met; `details.unmet` lists every unmet criterion of every candidate transition. */
  TRANSITION_REFUSED = 'TRANSITION_REFUSED',
  /**
   * A change would break what the record's stage (or an earlier one) required: exit criteria are
   * invariants; `details.unmet` lists what would break.
   */
  EXIT_CRITERIA_BROKEN = 'EXIT_CRITERIA_BROKEN',
  /** The record has no task with this id. */
  TASK_NOT_FOUND = 'TASK_NOT_FOUND',
  /** The task is done or cancelled already. */
  TASK_CLOSED = 'TASK_CLOSED',
  /** The record has no approval request with this id. */
  APPROVAL_NOT_FOUND = 'APPROVAL_NOT_FOUND',
  /** The approval request is no longer waiting (approved, rejected, invalidated or completed). */
  APPROVAL_CLOSED = 'APPROVAL_CLOSED',
  /** A claim of a lead someone owns: only unowned leads are in the pool. */
  LEAD_NOT_IN_POOL = 'LEAD_NOT_IN_POOL',
  /** A release of a lead nobody owns. */
  LEAD_ALREADY_IN_POOL = 'LEAD_ALREADY_IN_POOL',
  /** The claimer holds as many open leads as the pool allows; `details.cap`, `details.held`. */
  CLAIM_CAP_REACHED = 'CLAIM_CAP_REACHED',
  /** The claimer lost this lead to the pool too recently; `details.until` says when they may claim it. */
  CLAIM_COOLDOWN = 'CLAIM_COOLDOWN',
  /** The lead was merged into another (`details.into`): it takes nothing in and does not move until split. */
  LEAD_MERGED = 'LEAD_MERGED',
  /** A split of a merge that never happened (or of a lead merged elsewhere). */
  MERGE_NOT_FOUND = 'MERGE_NOT_FOUND',
  /** The record is in a final stage and its fields are frozen. */
  RECORD_CLOSED = 'RECORD_CLOSED',
  /** The access policy forbids it; `details.rule` names the rule, `details.action` the action. */
  FORBIDDEN = 'FORBIDDEN',
  /** A command id (Idempotency-Key) came back with a different request, or for another record. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** Someone else wrote first; `details.currentRevision` says where the record is now. */
  CONCURRENCY_CONFLICT = 'CONCURRENCY_CONFLICT',
  /** A record is pinned to a blueprint version this catalog does not hold. */
  BLUEPRINT_VERSION_MISSING = 'BLUEPRINT_VERSION_MISSING',
  /**
   * Converting would fail: a record it opens is refused by its own blueprint or rules; `details.problems`
   * names each step. Nothing was stored.
   */
  CONVERSION_REFUSED = 'CONVERSION_REFUSED',
  /** A started conversion could not be finished (`ConversionFailed` stored): the record stays unconverted with the reason. */
  CONVERSION_FAILED = 'CONVERSION_FAILED',
  /** The record is being converted; other changes wait until the conversion is done. */
  CONVERSION_IN_PROGRESS = 'CONVERSION_IN_PROGRESS',
  /** The converting transition was fired outside its conversion. */
  CONVERSION_REQUIRED = 'CONVERSION_REQUIRED',
  /** A payment for a record with no lines to pay, or not in a stage that takes payments; `details.payableIn`. */
  ORDER_NOT_PAYABLE = 'ORDER_NOT_PAYABLE',
  /** A payment above what is left to pay; `details.balanceMinor`. Nothing was stored. */
  PAYMENT_ABOVE_BALANCE = 'PAYMENT_ABOVE_BALANCE',
  /** A payment in another currency than the record's lines; `details.expected`. */
  PAYMENT_CURRENCY_MISMATCH = 'PAYMENT_CURRENCY_MISMATCH',
  /** A payment id already recorded with another amount. */
  PAYMENT_ID_REUSED = 'PAYMENT_ID_REUSED',
  /** The quote's lines change only in its blueprint's first stage; `details.stage`, `details.editableIn`. */
  QUOTE_NOT_EDITABLE = 'QUOTE_NOT_EDITABLE',
  /** A blueprint version number was reused with different content. */
  BLUEPRINT_VERSION_CONFLICT = 'BLUEPRINT_VERSION_CONFLICT',
  /** A record cannot move to the asked blueprint version: its stage is not there, or it would break the target stage's criteria (details.unmet) without force. */
  MIGRATION_REFUSED = 'MIGRATION_REFUSED',
}

export class WorkflowException extends Error {
  constructor(
    readonly code: WorkflowExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WorkflowException';
  }
}

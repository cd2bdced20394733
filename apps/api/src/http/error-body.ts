import { AssignmentException, AssignmentExceptionCode } from '@crm/assignment';
import { BlueprintException, BlueprintExceptionCode } from '@crm/blueprint';
import { CatalogException, CatalogExceptionCode } from '@crm/catalog';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { EventStoreException, EventStoreExceptionCode } from '@crm/event-store';
import { OrdersException, OrdersExceptionCode } from '@crm/engine';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import { IntakeException, IntakeExceptionCode } from '@crm/intake';
import { NotificationsException, NotificationsExceptionCode } from '@crm/notifications';
import { ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from '@crm/projection-runtime';
import { ReadModelException, ReadModelExceptionCode } from '@crm/projections';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';

/** Every error the API answers has this body. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

export interface HttpError {
  readonly status: number;
  readonly body: ErrorBody;
}

const WORKFLOW_STATUS: Record<WorkflowExceptionCode, number> = {
  [WorkflowExceptionCode.UNKNOWN_KIND]: 404,
  [WorkflowExceptionCode.RECORD_NOT_FOUND]: 404,
  [WorkflowExceptionCode.RECORD_ALREADY_EXISTS]: 409,
  [WorkflowExceptionCode.INVALID_COMMAND]: 400,
  [WorkflowExceptionCode.INVALID_FIELDS]: 400,
  [WorkflowExceptionCode.UNKNOWN_EVENT]: 400,
  [WorkflowExceptionCode.UNKNOWN_ACTIVITY]: 400,
  [WorkflowExceptionCode.TRANSITION_REFUSED]: 422,
  [WorkflowExceptionCode.RECORD_CLOSED]: 422,
  [WorkflowExceptionCode.TASK_NOT_FOUND]: 404,
  [WorkflowExceptionCode.TASK_CLOSED]: 409,
  [WorkflowExceptionCode.APPROVAL_NOT_FOUND]: 404,
  [WorkflowExceptionCode.APPROVAL_CLOSED]: 409,
  // The pool's refusals: the lead moved on (claimed by another, already pooled), or the claimer may not yet.
  [WorkflowExceptionCode.LEAD_NOT_IN_POOL]: 409,
  [WorkflowExceptionCode.LEAD_ALREADY_IN_POOL]: 409,
  [WorkflowExceptionCode.CLAIM_CAP_REACHED]: 422,
  [WorkflowExceptionCode.CLAIM_COOLDOWN]: 422,
  [WorkflowExceptionCode.LEAD_MERGED]: 409,
  [WorkflowExceptionCode.MERGE_NOT_FOUND]: 404,
  [WorkflowExceptionCode.EXIT_CRITERIA_BROKEN]: 422,
  [WorkflowExceptionCode.FORBIDDEN]: 403,
  [WorkflowExceptionCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [WorkflowExceptionCode.CONCURRENCY_CONFLICT]: 409,
  [WorkflowExceptionCode.BLUEPRINT_VERSION_MISSING]: 500,
  [WorkflowExceptionCode.BLUEPRINT_VERSION_CONFLICT]: 409,
  // A record that cannot move to the asked blueprint version as it is (its stage, its criteria).
  [WorkflowExceptionCode.MIGRATION_REFUSED]: 422,
  [WorkflowExceptionCode.CONVERSION_REFUSED]: 422,
  [WorkflowExceptionCode.CONVERSION_FAILED]: 422,
  [WorkflowExceptionCode.CONVERSION_IN_PROGRESS]: 409,
  [WorkflowExceptionCode.CONVERSION_REQUIRED]: 409,
  [WorkflowExceptionCode.ORDER_NOT_PAYABLE]: 409,
  [WorkflowExceptionCode.PAYMENT_ABOVE_BALANCE]: 422,
  [WorkflowExceptionCode.PAYMENT_CURRENCY_MISMATCH]: 422,
  [WorkflowExceptionCode.PAYMENT_ID_REUSED]: 409,
  [WorkflowExceptionCode.QUOTE_NOT_EDITABLE]: 409,
};

// A quote the catalog cannot price: the request is well formed, what it names is unknown or out of date.
const CATALOG_STATUS: Record<CatalogExceptionCode, number> = {
  [CatalogExceptionCode.UNKNOWN_SKU]: 422,
  [CatalogExceptionCode.UNKNOWN_PRICE_BOOK]: 422,
  [CatalogExceptionCode.PRICE_BOOK_EXPIRED]: 422,
  [CatalogExceptionCode.PRICE_BOOK_NOT_YET_VALID]: 422,
  [CatalogExceptionCode.NO_LIST_PRICE]: 422,
  [CatalogExceptionCode.UNKNOWN_TAX_REGION]: 422,
  [CatalogExceptionCode.NO_EXCHANGE_RATE]: 422,
  [CatalogExceptionCode.NO_CATALOG]: 422,
  [CatalogExceptionCode.AMOUNT_TOO_LARGE]: 422,
  [CatalogExceptionCode.QUOTE_DOCUMENT_NOT_FOUND]: 404,
  [CatalogExceptionCode.DOCUMENT_PRINTER_UNAVAILABLE]: 503,
};

// The command loop's own refusals, as platform actions stored as events (quotas, snapshots) meet them.
const COMMAND_LOOP_STATUS: Record<CommandHandlerExceptionCode, number> = {
  [CommandHandlerExceptionCode.CONCURRENCY_CONFLICT]: 409,
  [CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED]: 422,
};

const IDENTITY_STATUS: Record<IdentityExceptionCode, number> = {
  [IdentityExceptionCode.UNAUTHENTICATED]: 401,
  [IdentityExceptionCode.FORBIDDEN]: 403,
  [IdentityExceptionCode.INVALID_USERS_FILE]: 500,
};

const STORE_STATUS: Record<EventStoreExceptionCode, number> = {
  [EventStoreExceptionCode.WRONG_EXPECTED_REVISION]: 409,
  [EventStoreExceptionCode.DUPLICATE_EVENT_ID]: 409,
  [EventStoreExceptionCode.INVALID_APPEND]: 400,
  [EventStoreExceptionCode.UNAVAILABLE]: 503,
  [EventStoreExceptionCode.CLOSED]: 503,
  // A setting of the EventStoreDB server (its ACLs) keeps this app out: the service is unavailable, and says why.
  [EventStoreExceptionCode.ACCESS_DENIED]: 503,
  // A saved position from a log since reset; the projections rebuild by themselves.
  [EventStoreExceptionCode.INVALID_POSITION]: 503,
  // Events written by a newer build of this app: this process cannot read them until it is upgraded.
  [EventStoreExceptionCode.UNKNOWN_SCHEMA_VERSION]: 503,
};

const BLUEPRINT_STATUS: Record<BlueprintExceptionCode, number> = {
  [BlueprintExceptionCode.INVALID_BLUEPRINT]: 400,
  [BlueprintExceptionCode.BLUEPRINT_NOT_FOUND]: 404,
};

const READ_MODEL_STATUS: Record<ReadModelExceptionCode, number> = {
  [ReadModelExceptionCode.INVALID_QUERY]: 400,
  // The runner installs every read model at start; a missing one means it could not, and may yet.
  [ReadModelExceptionCode.NOT_BUILT]: 503,
  [ReadModelExceptionCode.INVALID_REFERENCE_DATA]: 400,
};

const PROJECTION_RUNTIME_STATUS: Record<ProjectionRuntimeExceptionCode, number> = {
  [ProjectionRuntimeExceptionCode.UNKNOWN_PROJECTION]: 404,
  [ProjectionRuntimeExceptionCode.EVOLVE_FAILED]: 500,
  // Another rebuild (another process, e.g. the CLI) swapped its tables in first.
  [ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED]: 409,
  [ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE]: 503,
  [ProjectionRuntimeExceptionCode.INVALID_PROJECTION]: 500,
  [ProjectionRuntimeExceptionCode.STOPPED]: 503,
};

const INTAKE_STATUS: Record<IntakeExceptionCode, number> = {
  [IntakeExceptionCode.DUPLICATE_LEAD]: 409,
  [IntakeExceptionCode.INVALID_MERGE]: 400,
  [IntakeExceptionCode.INVALID_INTAKE]: 400,
  [IntakeExceptionCode.INTAKE_KEY_INVALID]: 401,
  [IntakeExceptionCode.INTAKE_KEY_NOT_FOUND]: 404,
  [IntakeExceptionCode.INVALID_INTAKE_KEY]: 400,
  [IntakeExceptionCode.INTAKE_RATE_LIMITED]: 429,
  [IntakeExceptionCode.FORBIDDEN]: 403,
};

const NOTIFICATIONS_STATUS: Record<NotificationsExceptionCode, number> = {
  [NotificationsExceptionCode.NOTIFICATION_NOT_FOUND]: 404,
  [NotificationsExceptionCode.WEBHOOK_NOT_FOUND]: 404,
  [NotificationsExceptionCode.DELIVERY_NOT_FOUND]: 404,
  [NotificationsExceptionCode.INVALID_WEBHOOK]: 400,
  [NotificationsExceptionCode.DELIVERY_NOT_REPLAYABLE]: 409,
  [NotificationsExceptionCode.INVALID_OPTIONS]: 500,
  [NotificationsExceptionCode.REACTORS_BEHIND]: 500,
};

const ASSIGNMENT_STATUS: Record<AssignmentExceptionCode, number> = {
  [AssignmentExceptionCode.INVALID_ABSENCE]: 400,
  [AssignmentExceptionCode.ABSENCE_NOT_FOUND]: 404,
  [AssignmentExceptionCode.UNKNOWN_USER]: 404,
  [AssignmentExceptionCode.FORBIDDEN]: 403,
  // Manual mode only (tests, the CLI): the reactors did not reach the log's end in time.
  [AssignmentExceptionCode.REACTORS_BEHIND]: 503,
};

const ORDERS_STATUS: Record<OrdersExceptionCode, number> = {
  [OrdersExceptionCode.PAYMENT_SIGNATURE_INVALID]: 401,
  [OrdersExceptionCode.INVALID_PAYMENT]: 400,
  [OrdersExceptionCode.QUOTE_NOT_SENT]: 409,
  [OrdersExceptionCode.ACCEPTANCE_LINK_INVALID]: 401,
  // Expired and used links are gone for good: the customer asks the rep for a new one.
  [OrdersExceptionCode.ACCEPTANCE_LINK_EXPIRED]: 410,
  [OrdersExceptionCode.ACCEPTANCE_LINK_USED]: 410,
};

/** Status and body for an area exception (area exception + code → HTTP); undefined for anything else. */
export const httpErrorOf = (error: unknown): HttpError | undefined => {
  const areaError = (status: number, code: string, message: string, details: Record<string, unknown>): HttpError => ({
    status,
    body: { error: code, message, details },
  });
  if (error instanceof WorkflowException) return areaError(WORKFLOW_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof IdentityException) return areaError(IDENTITY_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof CommandHandlerException) return areaError(COMMAND_LOOP_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof EventStoreException) return areaError(STORE_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof CatalogException) return areaError(CATALOG_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof IntakeException) return areaError(INTAKE_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof ReadModelException) return areaError(READ_MODEL_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof AssignmentException) return areaError(ASSIGNMENT_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof OrdersException) return areaError(ORDERS_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof NotificationsException) return areaError(NOTIFICATIONS_STATUS[error.code], error.code, error.message, error.details);
  if (error instanceof ProjectionRuntimeException) {
    return areaError(PROJECTION_RUNTIME_STATUS[error.code], error.code, error.message, error.details);
  }
  if (error instanceof BlueprintException) {
    return areaError(BLUEPRINT_STATUS[error.code], error.code, error.message, error.details as unknown as Record<string, unknown>);
  }
  return undefined;
};

export const errorBody = (error: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({ error, message, details });

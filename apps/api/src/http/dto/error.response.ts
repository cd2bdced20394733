import { applyDecorators, HttpException } from '@nestjs/common';
import { ApiDefaultResponse, ApiProperty, ApiResponse, ApiSchema } from '@nestjs/swagger';
import { BlueprintException, BlueprintExceptionCode } from '@crm/blueprint';
import { CatalogException, CatalogExceptionCode } from '@crm/catalog';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { EventStoreException, EventStoreExceptionCode } from '@crm/event-store';
import { OrdersException, OrdersExceptionCode } from '@crm/engine';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import { AssignmentException, AssignmentExceptionCode } from '@crm/assignment';
import { NotificationsException, NotificationsExceptionCode } from '@crm/notifications';
import { IntakeException, IntakeExceptionCode } from '@crm/intake';
import { ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from '@crm/projection-runtime';
import { ReadModelException, ReadModelExceptionCode } from '@crm/projections';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { toHttpError } from '../api-exception.filter';
import type { ErrorBody } from '../error-body';

/** Every refusal status a route documents, with what it means (the README's error table). */
export const REFUSALS = {
  400: 'The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept',
  401: 'No, a malformed, expired or forged token, or an unknown user',
  403: 'A role rule forbids it; details.rule names the rule',
  404: 'Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route',
  409: 'A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay)',
  410: 'A customer’s quote acceptance link that expired or was used already: the rep issues a new one',
  413: 'The JSON body is larger than 1 MiB',
  414: 'A path segment (kind, record id) is longer than 128 characters',
  415: 'The body is neither application/json nor text/plain',
  422: 'The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region)',
  429: 'An intake key is over its rate; the Retry-After header (and details.retryAfterSeconds) says when to try again',
  503: 'The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF',
} as const;

export type RefusalStatus = keyof typeof REFUSALS;

/**
 * Codes raised before a request reaches a handler (routing, body parsing, validation) or by Node's HTTP
 * parser; the area exceptions' codes are read from their mapping below instead of being listed again.
 */
const FRAMEWORK_CODES: readonly (readonly [number, string])[] = [
  [400, 'MALFORMED_JSON'],
  [400, 'VALIDATION_FAILED'],
  [400, 'MALFORMED_URL'],
  [400, 'MALFORMED_REQUEST'],
  [400, 'BAD_REQUEST'],
  [404, 'NOT_FOUND'],
  [408, 'REQUEST_TIMEOUT'],
  [413, 'PAYLOAD_TOO_LARGE'],
  [414, 'URI_TOO_LONG'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [431, 'HEADERS_TOO_LARGE'],
  [500, 'INTERNAL_ERROR'],
];

/** Each area exception's code with the status the exception filter answers it with. */
const areaCodes = (): (readonly [number, string])[] =>
  [
    ...Object.values(WorkflowExceptionCode).map((code) => new WorkflowException(code, code)),
    ...Object.values(CommandHandlerExceptionCode).map((code) => new CommandHandlerException(code, code)),
    ...Object.values(IdentityExceptionCode).map((code) => new IdentityException(code, code)),
    ...Object.values(IntakeExceptionCode).map((code) => new IntakeException(code, code)),
    ...Object.values(OrdersExceptionCode).map((code) => new OrdersException(code, code)),
    ...Object.values(CatalogExceptionCode).map((code) => new CatalogException(code, code)),
    ...Object.values(EventStoreExceptionCode).map((code) => new EventStoreException(code, code)),
    ...Object.values(ReadModelExceptionCode).map((code) => new ReadModelException(code, code)),
    ...Object.values(NotificationsExceptionCode).map((code) => new NotificationsException(code, code)),
    ...Object.values(AssignmentExceptionCode).map((code) => new AssignmentException(code, code)),
    ...Object.values(ProjectionRuntimeExceptionCode).map((code) => new ProjectionRuntimeException(code, code)),
    ...Object.values(BlueprintExceptionCode).map((code) => new BlueprintException(code, code, { problems: [] })),
  ].map((exception) => {
    const { status, body } = toHttpError(exception);
    return [status, body.error] as const;
  });

/** The `error` codes answered with `status`, from the same mapping the exception filter uses. */
export const errorCodesOf = (status: number): string[] => {
  // Nest's own HttpExceptions without a body of ours are named after their status.
  const fallback = toHttpError(new HttpException('', status)).body.error;
  const codes = [...FRAMEWORK_CODES, ...areaCodes()].filter(([codeStatus]) => codeStatus === status).map(([, code]) => code);
  return [...new Set([...codes, fallback])].sort();
};

const DETAILS = {
  type: 'object',
  additionalProperties: true,
  description: 'What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing',
} as const;

/** Any refusal, whatever its status: `{ error, message, details }`. */
@ApiSchema({ name: 'ErrorBody', description: 'Every error the API answers has this body; nothing is stored for a request that fails' })
export class ErrorBodyResponse implements ErrorBody {
  @ApiProperty({ type: String, description: 'A stable code, e.g. VALIDATION_FAILED' })
  readonly error!: string;

  @ApiProperty({ type: String, description: 'What went wrong, for a person' })
  readonly message!: string;

  @ApiProperty(DETAILS)
  readonly details!: Record<string, unknown>;
}

const STATUS_NAMES: Record<RefusalStatus, string> = {
  400: 'BadRequestError',
  401: 'UnauthenticatedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  413: 'PayloadTooLargeError',
  414: 'UriTooLongError',
  415: 'UnsupportedMediaTypeError',
  422: 'UnprocessableError',
  429: 'RateLimitedError',
  503: 'UnavailableError',
};

/** The error body of one status: the same shape, its `error` one of the codes that status is answered with. */
const statusErrorSchema = (status: RefusalStatus): new () => ErrorBody => {
  @ApiSchema({ name: STATUS_NAMES[status], description: `${status}: ${REFUSALS[status]}` })
  class StatusError implements ErrorBody {
    @ApiProperty({ type: String, enum: errorCodesOf(status), description: 'A stable code' })
    readonly error!: string;

    @ApiProperty({ type: String, description: 'What went wrong, for a person' })
    readonly message!: string;

    @ApiProperty(DETAILS)
    readonly details!: Record<string, unknown>;
  }
  return StatusError;
};

const STATUS_ERRORS = new Map<RefusalStatus, new () => ErrorBody>();

export const errorSchemaOf = (status: RefusalStatus): new () => ErrorBody => {
  const known = STATUS_ERRORS.get(status);
  if (known) return known;
  const schema = statusErrorSchema(status);
  STATUS_ERRORS.set(status, schema);
  return schema;
};

/**
 * Documents the refusals a route answers, each with its error schema, and any other status (a timeout,
 * headers too large, a server failure) as the plain error body.
 */
export const ApiErrorResponses = (...statuses: RefusalStatus[]): MethodDecorator =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: REFUSALS[status], type: errorSchemaOf(status) })),
    ApiDefaultResponse({ description: 'Any other refusal (408, 431, 500, …), with the same body', type: ErrorBodyResponse }),
  );

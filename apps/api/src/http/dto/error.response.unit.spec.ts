import { errorCodesOf } from './error.response';

describe('error codes per status (the error schemas of the OpenAPI document)', () => {
  it('given 400, when its codes are listed, then they are the request, field, event, activity and query refusals the README documents', () => {
    expect(errorCodesOf(400)).toEqual([
      'BAD_REQUEST',
      'INVALID_ABSENCE',
      'INVALID_APPEND',
      'INVALID_BLUEPRINT',
      'INVALID_COMMAND',
      'INVALID_FIELDS',
      'INVALID_INTAKE',
      'INVALID_INTAKE_KEY',
      'INVALID_MERGE',
      'INVALID_PAYMENT',
      'INVALID_QUERY',
      'INVALID_REFERENCE_DATA',
      'INVALID_WEBHOOK',
      'MALFORMED_JSON',
      'MALFORMED_REQUEST',
      'MALFORMED_URL',
      'UNKNOWN_ACTIVITY',
      'UNKNOWN_EVENT',
      'VALIDATION_FAILED',
    ]);
  });

  it('given 404, when its codes are listed, then they name what is unknown: a kind, a record, its task or approval request, a user or their absence, a blueprint, a projection, a notification, a webhook or delivery', () => {
    expect(errorCodesOf(404)).toEqual([
      'ABSENCE_NOT_FOUND',
      'APPROVAL_NOT_FOUND',
      'BLUEPRINT_NOT_FOUND',
      'DELIVERY_NOT_FOUND',
      'INTAKE_KEY_NOT_FOUND',
      'MERGE_NOT_FOUND',
      'NOTIFICATION_NOT_FOUND',
      'NOT_FOUND',
      'QUOTE_DOCUMENT_NOT_FOUND',
      'RECORD_NOT_FOUND',
      'TASK_NOT_FOUND',
      'UNKNOWN_KIND',
      'UNKNOWN_PROJECTION',
      'UNKNOWN_USER',
      'WEBHOOK_NOT_FOUND',
    ]);
  });

  it('given 409, when its codes are listed, then they are the conflicts of the command loop, the store, records, closed tasks and approvals, the pool, conversions under way, rebuilds, and deliveries that cannot be replayed', () => {
    expect(errorCodesOf(409)).toEqual([
      'APPROVAL_CLOSED',
      'BLUEPRINT_VERSION_CONFLICT',
      'CHECKPOINT_MOVED',
      'CONCURRENCY_CONFLICT',
      'CONFLICT',
      'CONVERSION_IN_PROGRESS',
      'CONVERSION_REQUIRED',
      'DELIVERY_NOT_REPLAYABLE',
      'DUPLICATE_EVENT_ID',
      'DUPLICATE_LEAD',
      'LEAD_ALREADY_IN_POOL',
      'LEAD_MERGED',
      'LEAD_NOT_IN_POOL',
      'ORDER_NOT_PAYABLE',
      'PAYMENT_ID_REUSED',
      'QUOTE_NOT_EDITABLE',
      'QUOTE_NOT_SENT',
      'RECORD_ALREADY_EXISTS',
      'TASK_CLOSED',
      'WRONG_EXPECTED_REVISION',
    ]);
  });

  it('given 422, when its codes are listed, then a refused transition, a closed record, a broken exit criterion, a reused idempotency key, a refused claim, a refused conversion, a refused migration and quote lines the catalog cannot price are among them', () => {
    expect(errorCodesOf(422)).toEqual([
      'AMOUNT_TOO_LARGE',
      'CLAIM_CAP_REACHED',
      'CLAIM_COOLDOWN',
      'CONVERSION_FAILED',
      'CONVERSION_REFUSED',
      'EXIT_CRITERIA_BROKEN',
      'IDEMPOTENCY_KEY_REUSED',
      'MIGRATION_REFUSED',
      'NO_CATALOG',
      'NO_EXCHANGE_RATE',
      'NO_LIST_PRICE',
      'PAYMENT_ABOVE_BALANCE',
      'PAYMENT_CURRENCY_MISMATCH',
      'PRICE_BOOK_EXPIRED',
      'PRICE_BOOK_NOT_YET_VALID',
      'RECORD_CLOSED',
      'TRANSITION_REFUSED',
      'UNKNOWN_PRICE_BOOK',
      'UNKNOWN_SKU',
      'UNKNOWN_TAX_REGION',
      'UNPROCESSABLE',
    ]);
  });

  it('given 503, when its codes are listed, then they say which part cannot be used', () => {
    expect(errorCodesOf(503)).toEqual(['ACCESS_DENIED', 'CLOSED', 'DOCUMENT_PRINTER_UNAVAILABLE', 'HTTP_ERROR', 'INVALID_POSITION', 'NOT_BUILT', 'REACTORS_BEHIND', 'READ_MODEL_UNAVAILABLE', 'STOPPED', 'UNAVAILABLE', 'UNKNOWN_SCHEMA_VERSION']);
  });

  it('given the statuses of a single refusal, when their codes are listed, then each has its one code', () => {
    expect([403, 413, 415].map((status) => errorCodesOf(status))).toEqual([['FORBIDDEN'], ['PAYLOAD_TOO_LARGE'], ['UNSUPPORTED_MEDIA_TYPE']]);
  });

  it('given 401 and 429, when their codes are listed, then a bad bearer token, intake key, payment signature or acceptance link, and an intake key over its rate', () => {
    expect([401, 429].map((status) => errorCodesOf(status))).toEqual([
      ['ACCEPTANCE_LINK_INVALID', 'INTAKE_KEY_INVALID', 'PAYMENT_SIGNATURE_INVALID', 'UNAUTHENTICATED'],
      ['INTAKE_RATE_LIMITED', 'TOO_MANY_REQUESTS'],
    ]);
  });

  it('given 410, when its codes are listed, then an acceptance link expired or used', () => {
    expect(errorCodesOf(410)).toEqual(['ACCEPTANCE_LINK_EXPIRED', 'ACCEPTANCE_LINK_USED', 'GONE']);
  });
});

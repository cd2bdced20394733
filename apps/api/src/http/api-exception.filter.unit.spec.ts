import { BadRequestException } from '@nestjs/common';
import { CommandHandlerException, CommandHandlerExceptionCode } from '@crm/command-handler';
import { EventStoreException, EventStoreExceptionCode } from '@crm/event-store';
import { IdentityException, IdentityExceptionCode } from '@crm/identity';
import { ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from '@crm/projection-runtime';
import { ReadModelException, ReadModelExceptionCode } from '@crm/projections';
import { WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { toHttpError } from './api-exception.filter';

describe('toHttpError', () => {
  it.each([
    [new WorkflowException(WorkflowExceptionCode.TRANSITION_REFUSED, 'refused', { unmet: ['amount > 0'] }), 422, 'TRANSITION_REFUSED'],
    [new WorkflowException(WorkflowExceptionCode.CONCURRENCY_CONFLICT, 'stale', { currentRevision: 4 }), 409, 'CONCURRENCY_CONFLICT'],
    [new WorkflowException(WorkflowExceptionCode.RECORD_NOT_FOUND, 'no record'), 404, 'RECORD_NOT_FOUND'],
    [new IdentityException(IdentityExceptionCode.FORBIDDEN, 'not yours', { rule: 'rep.own-records' }), 403, 'FORBIDDEN'],
    [new IdentityException(IdentityExceptionCode.UNAUTHENTICATED, 'no token'), 401, 'UNAUTHENTICATED'],
    [new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, 'disk full'), 503, 'UNAVAILABLE'],
    [new ReadModelException(ReadModelExceptionCode.INVALID_QUERY, 'limit must be 1..500', { value: 0 }), 400, 'INVALID_QUERY'],
    [new ReadModelException(ReadModelExceptionCode.NOT_BUILT, 'not built', { projection: 'funnel' }), 503, 'NOT_BUILT'],
    [new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.UNKNOWN_PROJECTION, 'no projection', { name: 'x' }), 404, 'UNKNOWN_PROJECTION'],
    [new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.CHECKPOINT_MOVED, 'rebuilt elsewhere'), 409, 'CHECKPOINT_MOVED'],
    [new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE, 'cannot open'), 503, 'READ_MODEL_UNAVAILABLE'],
    [new CommandHandlerException(CommandHandlerExceptionCode.CONCURRENCY_CONFLICT, 'kept changing', { currentRevision: 7 }), 409, 'CONCURRENCY_CONFLICT'],
    [new CommandHandlerException(CommandHandlerExceptionCode.IDEMPOTENCY_KEY_REUSED, 'another request'), 422, 'IDEMPOTENCY_KEY_REUSED'],
  ])('given %s, when mapped, then answers its status with the area code and details', (error, status, code) => {
    const mapped = toHttpError(error);
    expect(mapped.status).toBe(status);
    expect(mapped.body).toEqual({ error: code, message: error.message, details: error.details });
  });

  it('given an oversized body from Fastify, when mapped, then answers 413 PAYLOAD_TOO_LARGE', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toHttpError(tooLarge)).toEqual({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large', details: {} } });
  });

  it('given a body shorter than its Content-Length from Fastify, when mapped, then answers 400 MALFORMED_REQUEST', () => {
    const lying = Object.assign(new Error('Request body size did not match Content-Length'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' });
    expect(toHttpError(lying)).toEqual({ status: 400, body: { error: 'MALFORMED_REQUEST', message: 'Request body size did not match Content-Length', details: {} } });
  });

  it('given a Nest HTTP exception, when mapped, then keeps its status under a named code', () => {
    expect(toHttpError(new BadRequestException('bad'))).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST' } });
  });

  it('given an unexpected error, when mapped, then answers 500 without leaking its message', () => {
    const mapped = toHttpError(new TypeError('cannot read properties of undefined (secret internals)'));
    expect(mapped).toEqual({ status: 500, body: { error: 'INTERNAL_ERROR', message: expect.not.stringContaining('secret'), details: {} } });
  });
});

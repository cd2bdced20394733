import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { RecordWriteResultResponse } from '../records/dto/record-event.response';
import { ApiErrorResponses } from './dto/error.response';

/** A write route honours `Idempotency-Key` (README, API: retries). */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key store nothing new and get the first answer' });

/** The answer of a record write: 200 with the record and the events stored, or any refusal a write can meet. */
export const ApiRecordWrite = (): MethodDecorator =>
  applyDecorators(ApiIdempotencyKey(), ApiOkResponse({ type: RecordWriteResultResponse }), ApiErrorResponses(400, 401, 403, 404, 409, 413, 414, 415, 422, 503));

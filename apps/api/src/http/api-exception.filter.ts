import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody, httpErrorOf, type HttpError } from './error-body';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
};

interface StatusError {
  readonly statusCode: number;
  readonly code?: string;
  readonly message: string;
}

const isStatusError = (error: unknown): error is StatusError =>
  error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number';

/** Any failure → `{ error, message, details }` with the status its code maps to. Pure; exported for tests. */
export const toHttpError = (error: unknown): HttpError => {
  const areaError = httpErrorOf(error);
  if (areaError) return areaError;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'error' in response && 'details' in response) {
      return { status, body: response as HttpError['body'] };
    }
    return { status, body: errorBody(HTTP_CODES[status] ?? 'HTTP_ERROR', error.message) };
  }
  if (isStatusError(error) && error.statusCode < 500) {
    const code = (error.code && FASTIFY_CODES[error.code]) ?? (error instanceof SyntaxError ? 'MALFORMED_JSON' : HTTP_CODES[error.statusCode]);
    return { status: error.statusCode, body: errorBody(code ?? 'BAD_REQUEST', error.message) };
  }
  return { status: 500, body: errorBody('INTERNAL_ERROR', 'the server failed to handle the request; see its log') };
};

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toHttpError(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // A client over its rate learns when to come back (RFC 9110 Retry-After, in seconds).
    const retryAfter = body.details['retryAfterSeconds'];
    if (status === 429 && typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    void reply.status(status).send(body);
  }
}

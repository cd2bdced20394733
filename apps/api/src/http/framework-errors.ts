import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyServerOptions } from 'fastify';
import { toHttpError } from './api-exception.filter';
import { errorBody, type HttpError } from './error-body';

/**
 * Record ids are 1-128 characters (the engine's rule, checked when a record is opened) and kinds are
 * shorter: a path segment of that length must reach the routes, so every record that can be opened can
 * be read and changed afterwards. Fastify's default (100) cut ids of 101-128 characters off with 414.
 */
export const MAX_PATH_SEGMENT_LENGTH = 128;

const MALFORMED_URL: HttpError = {
  status: 400,
  body: errorBody('MALFORMED_URL', 'the URL has an invalid percent-encoding (% must start a UTF-8 byte as two hex digits)'),
};

/** Errors Fastify raises while routing, before Nest (and its exception filter) sees the request. */
export const frameworkErrorOf = (error: FastifyError): HttpError => {
  if (error.code === 'FST_ERR_BAD_URL') return MALFORMED_URL;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return {
      status: 414,
      body: errorBody('URI_TOO_LONG', `a path segment (kind or record id) is longer than ${MAX_PATH_SEGMENT_LENGTH} characters`, {
        maxSegmentLength: MAX_PATH_SEGMENT_LENGTH,
      }),
    };
  }
  return toHttpError(error);
};

interface ClientError extends Error {
  readonly code?: string;
  /** llhttp's description of a parse error, e.g. "Duplicate Content-Length". */
  readonly reason?: string;
}

/** Errors Node's HTTP parser raises on a connection, when there is no request to answer through. */
export const clientErrorOf = (error: ClientError): HttpError => {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      body: errorBody('HEADERS_TOO_LARGE', `the request line and headers are larger than ${maxHeaderSize} bytes`, { maxHeaderBytes: maxHeaderSize }),
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, body: errorBody('REQUEST_TIMEOUT', 'the request was not received in time') };
  return {
    status: 400,
    body: errorBody('MALFORMED_REQUEST', `the HTTP request could not be read: ${error.reason ?? error.message}`, { reason: error.code ?? 'UNKNOWN' }),
  };
};

/** A whole HTTP/1.1 response as written straight to a socket; the connection closes after it. */
export const rawAnswer = ({ status, body }: HttpError): string => {
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
};

const answerClientError = (error: ClientError, socket: Socket): void => {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(rawAnswer(clientErrorOf(error)), () => socket.destroy());
};

/**
 * Fastify's own query parser keeps an undecodable `%E0%A4%A` as literal text; such a query is refused
 * instead, like the same mistake in the path.
 */
export const hasMalformedQuery = (url: string): boolean => {
  const start = url.indexOf('?');
  if (start < 0) return false;
  try {
    decodeURIComponent(url.slice(start + 1));
    return false;
  } catch {
    return true;
  }
};

const answer = (reply: FastifyReply, { status, body }: HttpError): void => {
  void reply.code(status).send(body);
};

/** The Fastify settings that make its own refusals speak the documented `{ error, message, details }`. */
export const frameworkErrorSettings: Pick<FastifyServerOptions, 'routerOptions' | 'frameworkErrors' | 'clientErrorHandler'> = {
  routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
  frameworkErrors: (error, _request, reply) => answer(reply, frameworkErrorOf(error)),
  clientErrorHandler: answerClientError,
};

/** Refuses a query string with an invalid percent-encoding before anything reads it. */
export const useStrictQueryStrings = (app: NestFastifyApplication): void => {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (!hasMalformedQuery(request.raw.url ?? '')) return done();
      answer(reply, MALFORMED_URL);
    });
};

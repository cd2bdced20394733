import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import secureJson from 'secure-json-parse';
import { errorBody } from './error-body';
import { findBodyShapeProblem } from './json-body-shape';

/**
 * Fastify's own JSON parser reports malformed bodies as a bare 400 that Nest turns into a generic
 * HttpException, losing what went wrong. This parser answers MALFORMED_JSON with the parser's reason,
 * and still refuses `__proto__`/`constructor` keys like Fastify's. Before parsing, the body's shape is
 * checked (depth, keys, NUL characters; see json-body-shape.ts): a refused body is never parsed.
 */
const rawBodies = new WeakMap<object, Buffer>();

/** The bytes a JSON request came as, for checking a signature over them (the payments webhook). */
export const rawBodyOf = (request: object): Buffer | undefined => rawBodies.get(request);

export const useStrictJsonBodies = (app: NestFastifyApplication): void => {
  const fastify = app.getHttpAdapter().getInstance();
  // As bytes: Fastify would build a string of many pieces that every later read copies whole first.
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    rawBodies.set(request, bytes);
    const shapeProblem = findBodyShapeProblem(bytes);
    if (shapeProblem) {
      const { path, problem } = shapeProblem;
      return done(new BadRequestException(errorBody('VALIDATION_FAILED', `invalid request: ${path}: ${problem}`, { invalid: [{ field: path, problems: [problem] }] })), undefined);
    }
    const text = bytes.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      done(new BadRequestException(errorBody('MALFORMED_JSON', `request body is not valid JSON: ${(error as Error).message}`)), undefined);
    }
  });
};

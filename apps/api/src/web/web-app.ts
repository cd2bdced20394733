import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { contentType } from 'mime-types';
import { frameworkErrorOf, MAX_PATH_SEGMENT_LENGTH } from '../http/framework-errors';

/** Where `npm run build` puts the web app (Vite's output); `CRM_WEB_DIR` points elsewhere. */
export const webAppDirectory = (env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string =>
  resolve(cwd, env['CRM_WEB_DIR'] || join('dist', 'web'));

const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.name.startsWith('.')) return [];
    return entry.isDirectory() ? filesUnder(path) : [path];
  });

/** A browser navigating (not a client asking for JSON) gets the app's page for the paths the router knows. */
const acceptsHtml = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

/**
 * Serves the built web app at `/` beside the API, from the same origin (so the API's bearer tokens work
 * and no CORS is needed). The files are the ones found at start (a fixed list: a path in a request can
 * name nothing else), streamed from disk; Vite names assets by their content, so those are cached for
 * good and `index.html` never. The API's routes keep their paths: the catch-all only answers a GET that
 * no API route matched, and only with the page, for a browser asking for HTML outside the API's top-level
 * paths; everything else gets the API's own 404.
 *
 * Raw Fastify routes: Nest's guards do not run for them (the app's files are public; its data is not).
 */
export const mountWebApp = (app: NestFastifyApplication, directory: string): boolean => {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`no web app in ${directory} (npm run build makes it); the API runs without it`);
    return false;
  }
  const files = new Map(filesUnder(directory).map((path) => [`/${relative(directory, path).split(sep).join('/')}`, path]));
  const fastify = app.getHttpAdapter().getInstance();
  const apiSegments = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    const segment = route.url.split('/')[1];
    if (segment && !segment.startsWith('*') && !segment.startsWith(':')) apiSegments.add(segment);
  });

  const sendFile = (reply: FastifyReply, path: string, cacheControl: string): FastifyReply =>
    reply
      .header('content-type', contentType(path.split('/').pop() ?? '') || 'application/octet-stream')
      .header('content-length', statSync(path).size)
      .header('cache-control', cacheControl)
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));

  const page = (reply: FastifyReply): FastifyReply => sendFile(reply, index, 'no-cache');

  fastify.get('/', (request, reply) => (acceptsHtml(request) ? page(reply) : reply.callNotFound()));
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    const file = files.get(path);
    if (file !== undefined && path !== '/index.html') {
      return sendFile(reply, file, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    const segments = path.split('/');
    const segment = segments[1] ?? '';
    // An API path whose id was too long for the router fell through to here: it gets the router's answer.
    if (apiSegments.has(segment) && segments.some((part) => part.length > MAX_PATH_SEGMENT_LENGTH)) {
      const { status, body } = frameworkErrorOf(Object.assign(new Error('path segment too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH' }) as FastifyError);
      return reply.status(status).send(body);
    }
    if (acceptsHtml(request) && !apiSegments.has(segment) && !segment.includes('.')) return page(reply);
    return reply.callNotFound();
  });
  return true;
};

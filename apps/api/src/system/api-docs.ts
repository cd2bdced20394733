import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RECORD_EVENT_MODELS } from '../records/dto/record-event.response';
import { ConversionViewResponse } from '../records/dto/record.response';
import { INTAKE_MODELS } from '../intake/dto/intake.response';
import { HealthResponse, LivenessResponse } from './dto/health.response';

const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'] as const;

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM workflow engine API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#ui', persistAuthorization: true });</script>
</body></html>`;

const isReference = (schema: SchemaObject | ReferenceObject): schema is ReferenceObject => '$ref' in schema;

/**
 * Every object schema that lists its properties has exactly those: an answer with a property the
 * document does not name is a change of the contract, not an extension. Maps (`fields`, `details`)
 * say `additionalProperties` themselves and are left open.
 */
const closeObjectSchemas = (schema: SchemaObject | ReferenceObject): void => {
  if (isReference(schema)) return;
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  for (const nested of [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
  ]) {
    closeObjectSchemas(nested);
  }
};

const isParameter = (parameter: ParameterObject | ReferenceObject): parameter is ParameterObject => !('$ref' in parameter);

/**
 * Header names are case-insensitive, Swagger's merge of parameters is not: a header a handler reads
 * (`@Headers('idempotency-key')`, inferred as required) and documents (`@ApiHeader({ name:
 * 'Idempotency-Key', required: false })`) would be listed twice. The documented one stays.
 */
const mergeHeaderParameters = (document: OpenAPIObject): void => {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.delete, path.patch]) {
      if (!operation?.parameters) continue;
      const headers = operation.parameters.filter(isParameter).filter((parameter) => parameter.in === 'header');
      const documented = new Set(headers.filter((header) => header.description !== undefined).map((header) => header.name.toLowerCase()));
      const inferredTwice = new Set(headers.filter((header) => header.description === undefined && documented.has(header.name.toLowerCase())));
      operation.parameters = operation.parameters.filter((parameter) => !isParameter(parameter) || !inferredTwice.has(parameter));
    }
  }
};

/**
 * The OpenAPI document of the running app, generated from the controllers and the response classes
 * (`**\/dto/*.response.ts`); the web app's client (`libs/api-client`) is generated from it.
 */
export const apiDocument = (app: INestApplication): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle('CRM workflow engine')
    .setDescription('Blueprint-driven, event-sourced records: open, advance through guarded transitions, read history.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Intake-Key', description: 'An intake key (POST /intake/keys), for POST /intake/leads only' }, 'intakeKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [...RECORD_EVENT_MODELS, ...INTAKE_MODELS, ConversionViewResponse, HealthResponse, LivenessResponse] });
  for (const schema of Object.values(document.components?.schemas ?? {})) closeObjectSchemas(schema);
  mergeHeaderParameters(document);
  return document;
};

/**
 * OpenAPI at /docs/openapi.json and Swagger UI at /docs, served straight from swagger-ui-dist (a
 * dependency of @nestjs/swagger) so no static-file plugin is needed.
 */
export const mountApiDocs = (app: NestFastifyApplication): void => {
  const document = apiDocument(app);
  const assets = new Map(ASSETS.map((name) => [name, readFileSync(join(dirname(require.resolve('swagger-ui-dist/package.json')), name))]));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/docs/openapi.json', (_request, reply) => reply.send(document));
  fastify.get<{ Params: { name: string } }>('/docs/assets/:name', (request, reply) => {
    const asset = assets.get(request.params.name as (typeof ASSETS)[number]);
    if (!asset) return reply.status(404).send({ error: 'NOT_FOUND', message: `no asset ${request.params.name}`, details: {} });
    return reply.type(request.params.name.endsWith('.css') ? 'text/css' : 'application/javascript').send(asset);
  });
};

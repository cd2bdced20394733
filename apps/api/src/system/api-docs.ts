import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'] as const;

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM workflow engine API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#ui', persistAuthorization: true });</script>
</body></html>`;

/**
 * OpenAPI at /docs/openapi.json and Swagger UI at /docs, served straight from swagger-ui-dist (a
 * dependency of @nestjs/swagger) so no static-file plugin is needed.
 */
export const mountApiDocs = (app: NestFastifyApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('CRM workflow engine')
    .setDescription('Blueprint-driven, event-sourced records: open, advance through guarded transitions, read history.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
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

import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { systemClock, type Clock } from '@crm/clock';
import { Engine } from '@crm/engine';
import { BearerTokens, loadOrCreateTokenSecret, loadOrCreateUsersFile, type UserDirectory } from '@crm/identity';
import { ApiModule } from './api.module';
import type { ApiSettings } from './api-settings';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { useStrictJsonBodies } from './http/json-body.parser';
import { requestValidationPipe } from './http/validation.pipe';
import { mountApiDocs } from './system/api-docs';

export interface RunningApi {
  readonly app: NestFastifyApplication;
  readonly engine: Engine;
  readonly url: string;
  readonly demoTokensFile: string | null;
  close(): Promise<void>;
}

const DEMO_TOKEN_LIFETIME_SECONDS = 365 * 24 * 3600;

/** `{ "<username>": { role, team, token } }` for every user, written once so a new user can try each role. */
const writeDemoTokens = (file: string, users: UserDirectory, tokens: BearerTokens): void => {
  const entries = users.all().map((user) => [user.id, { role: user.roles[0], roles: user.roles, team: user.team, token: tokens.issue(user, DEMO_TOKEN_LIFETIME_SECONDS) }]);
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`, { mode: 0o600 });
};

/**
 * Opens the engine, then serves it over HTTP. Nothing here decides anything: controllers dispatch to
 * handlers, handlers go through the one command handler.
 */
export const startApi = async (settings: ApiSettings, options: { clock?: Clock; logger?: false } = {}): Promise<RunningApi> => {
  const clock = options.clock ?? systemClock;
  const { directory: users, created } = loadOrCreateUsersFile(settings.usersFile);
  const tokens = new BearerTokens(loadOrCreateTokenSecret(settings.dataDirectory, settings.tokenSecret), clock);
  const engine = await Engine.open({
    dataDirectory: settings.dataDirectory,
    blueprintsDirectory: settings.blueprintsDirectory,
    eventStore: { kind: settings.eventStore, connectionString: settings.eventStoreConnectionString },
    clock,
  });

  const demoTokensFile = join(settings.dataDirectory, 'demo-tokens.json');
  if (created || !existsSync(demoTokensFile)) writeDemoTokens(demoTokensFile, users, tokens);

  try {
    const adapter = new FastifyAdapter({ bodyLimit: settings.bodyLimit });
    const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register({ engine, users, tokens, settings }), adapter, {
      logger: options.logger ?? ['error', 'warn'],
      // JSON bodies are parsed by useStrictJsonBodies, which names what is malformed.
      bodyParser: false,
    });
    useStrictJsonBodies(app);
    app.useGlobalFilters(new ApiExceptionFilter());
    app.useGlobalPipes(requestValidationPipe());
    mountApiDocs(app);
    await app.listen(settings.port, settings.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    return {
      app,
      engine,
      url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
      demoTokensFile,
      close: async () => {
        await app.close();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
};

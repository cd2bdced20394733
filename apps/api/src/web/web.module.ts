import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiParts } from '../api.module';
import { API_SETTINGS, ENGINE, PROJECTION_RUNNER, USER_DIRECTORY } from '../api.tokens';
import { LiveController } from '../live/live.controller';
import { ReadModelChangeFeed } from '../live/read-model-change-feed';
import { SessionController } from './session.controller';

/**
 * What the web app needs of the API beyond its documented routes: who a token names and the demo sign-in
 * (`/session`), and the live changes (`/live`, server-sent events). The files themselves are served by
 * `mountWebApp`, outside Nest.
 */
@Module({})
export class WebModule {
  static register(parts: Pick<ApiParts, 'engine' | 'users' | 'settings' | 'projections'>): DynamicModule {
    return {
      module: WebModule,
      controllers: [SessionController, LiveController],
      providers: [
        { provide: ENGINE, useValue: parts.engine },
        { provide: USER_DIRECTORY, useValue: parts.users },
        { provide: API_SETTINGS, useValue: parts.settings },
        { provide: PROJECTION_RUNNER, useValue: parts.projections },
        ReadModelChangeFeed,
      ],
    };
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DEMO_USERS, type User, type UserDirectory } from '@crm/identity';
import { API_SETTINGS, USER_DIRECTORY } from '../api.tokens';
import type { ApiSettings } from '../api-settings';
import { CurrentUser } from '../identity/current-user.decorator';
import { Public } from '../identity/public.decorator';

/** Who a token names, as the web app shows them. */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly team: string | null;
}

export interface DemoSignIn {
  /** True while the users file holds exactly the demo users `npm start` created. */
  readonly demo: boolean;
  readonly users: readonly (SessionUser & { readonly token: string })[];
}

const sessionUserOf = (user: User): SessionUser => ({ id: user.id, name: user.name, roles: user.roles, team: user.team });

const sameUser = (a: User, b: User): boolean =>
  a.id === b.id && a.name === b.name && a.team === b.team && a.roles.length === b.roles.length && a.roles.every((role, index) => role === b.roles[index]);

/**
 * The web app's sign-in: who a token names (`GET /session`), and, while the demo users are in use, their
 * tokens (`GET /session/demo-users`) so the sign-in page can list them. Once the users file names other
 * users (a real deployment), the demo list is empty and a token must be pasted. Not in the OpenAPI
 * document: the web app's own routes, not the API's.
 */
@ApiExcludeController()
@Controller('session')
export class SessionController {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  @Get()
  whoAmI(@CurrentUser() user: User): SessionUser {
    return sessionUserOf(user);
  }

  @Get('demo-users')
  @Public()
  demoUsers(): DemoSignIn {
    const users = this.users.all();
    const demo = users.length === DEMO_USERS.length && DEMO_USERS.every((demoUser) => users.some((user) => sameUser(user, demoUser)));
    const tokensFile = join(this.settings.dataDirectory, 'demo-tokens.json');
    if (!demo || !existsSync(tokensFile)) return { demo: false, users: [] };
    const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, { token?: unknown }>;
    return {
      demo: true,
      users: DEMO_USERS.flatMap((user) => {
        const token = tokens[user.id]?.token;
        return typeof token === 'string' ? [{ ...sessionUserOf(user), token }] : [];
      }),
    };
  }
}

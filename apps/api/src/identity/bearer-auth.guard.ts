import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { BearerTokens, User, UserDirectory } from '@crm/identity';
import type { FastifyRequest } from 'fastify';
import { BEARER_TOKENS, USER_DIRECTORY } from '../api.tokens';
import { IS_PUBLIC } from './public.decorator';
import { IS_TOKEN_OPTIONAL } from './token-optional.decorator';

export type AuthenticatedRequest = FastifyRequest & { user?: User };

/**
 * Every route needs a valid bearer token unless marked @Public(), or @TokenOptional() and sent without
 * one; the user is put on the request.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(BEARER_TOKENS) private readonly tokens: BearerTokens,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.headers.authorization === undefined && this.reflector.getAllAndOverride<boolean>(IS_TOKEN_OPTIONAL, targets)) return true;
    request.user = this.tokens.authenticate(request.headers.authorization, this.users);
    return true;
  }
}

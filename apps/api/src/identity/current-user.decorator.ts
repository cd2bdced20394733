import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { User } from '@crm/identity';
import type { AuthenticatedRequest } from './bearer-auth.guard';

/** The authenticated user; the guard has already refused requests without one. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): User => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

/** The user when the request carried a valid token, on a @TokenOptional() route; undefined without one. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

import { SetMetadata } from '@nestjs/common';

export const IS_TOKEN_OPTIONAL = 'crm:isTokenOptional';

/**
 * Routes anyone may call, that tell a user with a token more (health). A token that is sent must still be
 * valid: a wrong one is refused rather than quietly answered as if none had been sent.
 */
export const TokenOptional = (): MethodDecorator & ClassDecorator => SetMetadata(IS_TOKEN_OPTIONAL, true);

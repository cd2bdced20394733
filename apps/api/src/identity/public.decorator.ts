import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'crm:isPublic';

/** Routes anyone may call without a token: health and the API docs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { errorBody } from './error-body';

const flatten = (errors: readonly ValidationError[], prefix = ''): { field: string; problems: string[] }[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Request bodies are checked against their DTO; unknown properties are errors, not silently dropped. */
export const requestValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const invalid = flatten(errors);
      return new BadRequestException(
        errorBody(
          'VALIDATION_FAILED',
          `invalid request: ${invalid.map(({ field, problems }) => `${field}: ${problems.join(', ')}`).join('; ')}`,
          { invalid },
        ),
      );
    },
  });

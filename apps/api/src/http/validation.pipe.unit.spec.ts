import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ErrorBody } from './error-body';
import { requestValidationPipe } from './validation.pipe';

class PageRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @IsString()
  text?: string;
}

class ChangeRequest {
  @IsString()
  event!: string;

  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown>;
}

const query: ArgumentMetadata = { type: 'query', metatype: PageRequest };
const body: ArgumentMetadata = { type: 'body', metatype: ChangeRequest };
const idParam: ArgumentMetadata = { type: 'param', metatype: String, data: 'id' };

/** The refusal `transform` throws, as the API answers it. */
const refusalOf = async (value: unknown, metadata: ArgumentMetadata): Promise<ErrorBody> => {
  try {
    await requestValidationPipe().transform(value, metadata);
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse() as ErrorBody;
    throw error;
  }
  throw new Error('expected the value to be refused');
};

const invalidFieldsOf = async (value: unknown, metadata: ArgumentMetadata): Promise<string[]> =>
  ((await refusalOf(value, metadata)).details['invalid'] as { field: string }[]).map((invalid) => invalid.field);

describe('requestValidationPipe', () => {
  describe('numbers in the query string', () => {
    it.each(['0x10', '1e2', '+5', ' 5', '5 ', '0b11', '0o7', 'Infinity', '1_000', '5.', '.5'])(
      'given limit=%j, when validated, then VALIDATION_FAILED names limit once',
      async (limit) => {
        const refusal = await refusalOf({ limit }, query);

        expect(refusal.error).toBe('VALIDATION_FAILED');
        expect(refusal.details['invalid']).toEqual([{ field: 'limit', problems: expect.arrayContaining(['limit must be a decimal number like 50']) }]);
      },
    );

    it.each([
      ['16', 16],
      ['500', 500],
    ])('given limit=%j, when validated, then it is the number %d', async (limit, expected) => {
      expect(await requestValidationPipe().transform({ limit }, query)).toEqual({ limit: expected });
    });

    it('given a decimal number out of range, when validated, then the range rule still names it', async () => {
      expect((await refusalOf({ limit: '0' }, query)).details['invalid']).toEqual([{ field: 'limit', problems: ['limit must not be less than 1'] }]);
    });
  });

  describe('NUL characters', () => {
    it('given a NUL in a query value, when validated, then the parameter is named', async () => {
      expect((await refusalOf({ text: 'glo\u0000bex' }, query)).details['invalid']).toEqual([{ field: 'text', problems: ['contains a NUL character'] }]);
    });

    it('given a NUL in a path parameter, when validated, then the parameter is named', async () => {
      expect((await refusalOf('globex\u0000', idParam)).details['invalid']).toEqual([{ field: 'id', problems: ['contains a NUL character'] }]);
    });

    it('given a path parameter without NUL, when validated, then it passes as it is', async () => {
      expect(await requestValidationPipe().transform('globex-1', idParam)).toBe('globex-1');
    });
  });

  describe('names JavaScript objects carry', () => {
    it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__proto__'])(
      'given a field named %s, when validated, then it reaches the handler intact',
      async (name) => {
        const value = JSON.parse(`{"event":"analyze_needs","fields":{"budget":1,${JSON.stringify(name)}:2}}`) as unknown;

        const transformed = (await requestValidationPipe().transform(value, body)) as ChangeRequest;

        expect(transformed).toBeInstanceOf(ChangeRequest);
        expect(Object.entries(transformed.fields ?? {})).toEqual([
          ['budget', 1],
          [name, 2],
        ]);
      },
    );

    it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'])(
      'given a body property named %s, when validated, then VALIDATION_FAILED names it',
      async (name) => {
        expect(await invalidFieldsOf({ event: 'analyze_needs', [name]: 1 }, body)).toEqual([name]);
      },
    );

    it('given a reserved name beside other problems, when validated, then every problem is named at once', async () => {
      expect(await invalidFieldsOf({ event: 42, toString: 1 }, body)).toEqual(['toString', 'event']);
    });

    it('given a query parameter named toString, when validated, then VALIDATION_FAILED names it', async () => {
      const parameters = Object.assign(Object.create(null) as Record<string, string>, { toString: '1' });

      expect(await invalidFieldsOf(parameters, query)).toEqual(['toString']);
    });
  });
});

import type { FieldDefinition, FieldType } from './blueprint.model';
import { dealDefinition } from './__fixtures__/deal-blueprint';
import { validateFieldValue, validateFieldValues } from './validate-field-value';

const field = (type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  name: 'value',
  type,
  label: 'Value',
  ...extra,
});

const lossReason = field('enum', { name: 'lossReason', values: ['price', 'timing'] });
const account = field('reference', { name: 'account', to: 'account' });

describe('validateFieldValue', () => {
  it.each<[string, FieldDefinition, unknown]>([
    ['a short string', field('string'), 'Acme renewal'],
    ['an empty string', field('string'), ''],
    ['255 characters', field('string'), 'x'.repeat(255)],
    ['10,000 characters of text', field('text'), 'x'.repeat(10_000)],
    ['255 characters outside the BMP (510 UTF-16 units)', field('string'), '\u{1F600}'.repeat(255)],
    ['254 characters and a lone surrogate', field('string'), `${'x'.repeat(254)}\uD83D`],
    ['an integer number', field('number'), 42],
    ['a negative decimal number', field('number'), -0.125],
    ['whole money', field('money'), 1200],
    ['money with cents', field('money'), 1200.5],
    ['money with 2 decimals', field('money'), 0.29],
    ['the largest money, 1e15 minor units', field('money'), 10_000_000_000_000],
    ['the smallest money, -1e15 minor units', field('money'), -10_000_000_000_000],
    ['a number at its min', field('number', { min: 0, max: 1 }), 0],
    ['a number at its max', field('number', { min: 0, max: 1 }), 1],
    ['a number above a lone min', field('number', { min: 0 }), 1e9],
    ['a date', field('date'), '2026-03-31'],
    ['a leap day', field('date'), '2024-02-29'],
    ['a date of the first century (not shifted to the 1900s)', field('date'), '0099-06-30'],
    ['true', field('boolean'), true],
    ['false', field('boolean'), false],
    ['an email', field('email'), 'ann.lee+crm@mail.example.com'],
    ['an international phone', field('phone'), '+49 (30) 1234-567.8'],
    ['a short phone', field('phone'), '12345'],
    ['an allowed enum value', lossReason, 'price'],
    ['a record id', account, '01890a5d-ac96-774b-bcce-b302099a8057'],
    ['null, which clears any field', field('money'), null],
  ])('given %s, when validated, then it is valid', (_case, definition, value) => {
    expect(validateFieldValue(definition, value)).toBeUndefined();
  });

  it.each<[string, FieldDefinition, unknown, string]>([
    ['a number as string', field('string'), 42, 'value: expected string (at most 255 characters), got 42'],
    ['256 characters', field('string'), 'x'.repeat(256), 'value: expected string (at most 255 characters), got a string of 256 characters'],
    ['too much text', field('text'), 'x'.repeat(10_001), 'value: expected text (at most 10000 characters), got a string of 10001 characters'],
    ['256 characters outside the BMP', field('string'), '\u{1F600}'.repeat(256), 'value: expected string (at most 255 characters), got a string of 256 characters'],
    ['a megabyte of text', field('text'), 'x'.repeat(1_048_576), 'value: expected text (at most 10000 characters), got a string of 1048576 characters'],
    ['a numeric string', field('number'), '12', 'value: expected number (a finite number), got "12"'],
    ['infinity', field('number'), Number.POSITIVE_INFINITY, 'value: expected number (a finite number), got Infinity'],
    ['NaN', field('number'), Number.NaN, 'value: expected number (a finite number), got NaN'],
    ['text as money', field('money', { name: 'amount' }), 'abc', 'amount: expected money (a finite number with at most 2 decimals), got "abc"'],
    ['money with 3 decimals', field('money', { name: 'amount' }), 10.555, 'amount: expected money (a finite number with at most 2 decimals), got 10.555'],
    ['money of 1e308', field('money', { name: 'amount' }), 1e308, 'amount: expected money within ±10000000000000 (1e15 minor units), got 1e+308'],
    ['money just over the bound', field('money', { name: 'amount' }), 10_000_000_000_000.01, 'amount: expected money within ±10000000000000 (1e15 minor units), got 10000000000000.01'],
    ['money just under the negative bound', field('money', { name: 'amount' }), -10_000_000_000_000.01, 'amount: expected money within ±10000000000000 (1e15 minor units), got -10000000000000.01'],
    ['a number over its max', field('number', { name: 'discount', min: 0, max: 1 }), 1.5, 'discount: expected number from 0 to 1, got 1.5'],
    ['a number under its min', field('number', { name: 'discount', min: 0, max: 1 }), -0.1, 'discount: expected number from 0 to 1, got -0.1'],
    ['a number under a lone min', field('number', { name: 'seats', min: 1 }), 0, 'seats: expected number of at least 1, got 0'],
    ['a number over a lone max', field('number', { name: 'seats', max: 10 }), 11, 'seats: expected number of at most 10, got 11'],
    ['a date with time', field('date'), '2026-03-31T10:00:00Z', 'value: expected date (a calendar date as YYYY-MM-DD), got "2026-03-31T10:00:00Z"'],
    ['a day that does not exist', field('date'), '2025-02-29', 'value: expected date (a calendar date as YYYY-MM-DD), got "2025-02-29"'],
    ['month 13', field('date'), '2026-13-01', 'value: expected date (a calendar date as YYYY-MM-DD), got "2026-13-01"'],
    ['a boolean as string', field('boolean'), 'true', 'value: expected boolean (true or false), got "true"'],
    ['an email without domain', field('email'), 'ann@', 'value: expected email (an address like name@example.com), got "ann@"'],
    ['an email with spaces', field('email'), 'ann lee@example.com', 'value: expected email (an address like name@example.com), got "ann lee@example.com"'],
    ['a phone with letters', field('phone'), '+1 555 CALL NOW', 'value: expected phone (digits, spaces and + - ( ) . with 5 to 20 digits), got "+1 555 CALL NOW"'],
    ['a phone with 4 digits', field('phone'), '1234', 'value: expected phone (digits, spaces and + - ( ) . with 5 to 20 digits), got "1234"'],
    ['a phone with 21 digits', field('phone'), '1'.repeat(21), 'value: expected phone (digits, spaces and + - ( ) . with 5 to 20 digits), got "111111111111111111111"'],
    ['a value not in the enum', lossReason, 'budget', 'lossReason: expected one of price, timing, got "budget"'],
    ['an empty reference', account, '', 'account: expected reference (the id of a record of kind account: a non-empty string of at most 128 characters), got ""'],
    ['a reference too long', account, 'x'.repeat(129), 'account: expected reference (the id of a record of kind account: a non-empty string of at most 128 characters), got a string of 129 characters'],
    ['an object', field('string'), { name: 'x' }, 'value: expected string (at most 255 characters), got an object'],
    ['undefined', field('string'), undefined, 'value: expected string (at most 255 characters), got nothing'],
  ])('given %s, when validated, then the message names field, rule and value', (_case, definition, value, message) => {
    expect(validateFieldValue(definition, value)).toBe(message);
  });
});

describe('validateFieldValues', () => {
  it('given valid values and null, when validated, then there is no problem', () => {
    const definition = dealDefinition();

    expect(validateFieldValues(definition, { amount: 10.5, closeDate: '2026-06-30', lossReason: null })).toEqual([]);
  });

  it('given several bad values and unknown fields, when validated, then every problem is listed', () => {
    const definition = dealDefinition();

    const problems = validateFieldValues(definition, { amount: 'abc', ammount: 1, closeDate: '2026-02-30', colour: 'red' });

    expect(problems).toEqual([
      { field: 'amount', message: 'amount: expected money (a finite number with at most 2 decimals), got "abc"' },
      { field: 'ammount', message: 'ammount: unknown field (did you mean "amount"?)' },
      { field: 'closeDate', message: 'closeDate: expected date (a calendar date as YYYY-MM-DD), got "2026-02-30"' },
      { field: 'colour', message: 'colour: unknown field' },
    ]);
  });
});

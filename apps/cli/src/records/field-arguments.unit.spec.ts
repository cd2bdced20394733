import { loadBlueprintFile, type BlueprintDefinition } from '@crm/blueprint';
import { join } from 'node:path';
import { CliException, CliExceptionCode } from '../cli.exception';
import { fieldValueFromText, parseFieldArguments, splitFieldArgument } from './field-arguments';

const opportunity: BlueprintDefinition = loadBlueprintFile(join(__dirname, '..', '..', '..', '..', 'blueprints', 'opportunity.blueprint.yaml'));
const field = (name: string) => opportunity.fields.find((candidate) => candidate.name === name);

const problemsOf = (args: string[]): string[] => {
  try {
    parseFieldArguments(opportunity, args);
  } catch (error) {
    expect(error).toBeInstanceOf(CliException);
    expect((error as CliException).code).toBe(CliExceptionCode.INVALID_FIELDS);
    return ((error as CliException).details['problems'] as { message: string }[]).map((problem) => problem.message);
  }
  throw new Error('expected the fields to be refused');
};

describe('field values from the command line', () => {
  it('given name=value with = in the value, when split, then only the first = separates', () => {
    expect(splitFieldArgument('notes=a=b')).toEqual({ name: 'notes', text: 'a=b' });
  });

  it.each(['amount', '=12', ''])('given "%s" without a name=value shape, when split, then it is a usage error', (argument) => {
    expect(() => splitFieldArgument(argument)).toThrow(expect.objectContaining({ code: CliExceptionCode.USAGE }));
  });

  it.each([
    ['amount', '1200.50', 1200.5],
    ['discount', ' 0.15 ', 0.15],
    ['discount', '-1e-2', -0.01],
    ['amount', '0x10', '0x10'],
    ['amount', 'Infinity', 'Infinity'],
    ['amount', '1,000', '1,000'],
    ['closeDate', '2026-07-01', '2026-07-01'],
    ['name', '42', '42'],
    ['name', '', null],
  ])('given %s=%j, when converted by its type, then it becomes %j', (name, text, value) => {
    expect(fieldValueFromText(field(name), text)).toBe(value);
  });

  it('given a boolean field, when converted, then true/false in any case become booleans and anything else stays text', () => {
    const flag = { name: 'flag', type: 'boolean' as const, label: 'Flag' };
    expect([fieldValueFromText(flag, 'TRUE'), fieldValueFromText(flag, 'false'), fieldValueFromText(flag, 'yes')]).toEqual([true, false, 'yes']);
  });

  it('given good values of several types, when parsed, then they are typed field values', () => {
    expect(parseFieldArguments(opportunity, ['name=Acme renewal', 'amount=42000', 'closeDate=2026-09-30', 'source=web'])).toEqual({
      name: 'Acme renewal',
      amount: 42000,
      closeDate: '2026-09-30',
      source: 'web',
    });
  });

  it('given bad values, an unknown field and a repeated one, when parsed, then every problem names its field', () => {
    expect(problemsOf(['amount=1.234', 'closeDate=2026-02-30', 'budjet=10', 'source=tv', 'name=a', 'name=b', 'discount=lots'])).toEqual([
      'name: given more than once',
      'amount: expected money (a finite number with at most 2 decimals), got 1.234',
      'closeDate: expected date (a calendar date as YYYY-MM-DD), got "2026-02-30"',
      'budjet: unknown field (did you mean "budget"?)',
      'source: expected one of web, referral, event, outbound, partner, other, got "tv"',
      'discount: expected number (a finite number), got "lots"',
    ]);
  });
});

import { validateFieldValues, type BlueprintDefinition, type FieldDefinition, type FieldProblem, type FieldValue, type FieldValues } from '@crm/blueprint';
import { CliException, CliExceptionCode, usageError } from '../cli.exception';

/** A plain decimal (optionally with an exponent): no hex, no `Infinity`, no thousands separators. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `amount=1200` → `{ name: 'amount', text: '1200' }`; the value may itself contain `=`. */
export const splitFieldArgument = (argument: string): { readonly name: string; readonly text: string } => {
  const separator = argument.indexOf('=');
  if (separator < 1) throw usageError(`--field expects name=value, not "${argument}"`);
  return { name: argument.slice(0, separator).trim(), text: argument.slice(separator + 1) };
};

/**
 * The value a field of this type stores, from command-line text: numbers for number and money, true/false
 * for boolean, text for the rest; empty text clears the field (null). Text that is not a value of the type
 * is kept as it is, so the blueprint's own validation names the field, the type and the text.
 */
export const fieldValueFromText = (field: FieldDefinition | undefined, text: string): FieldValue => {
  if (text === '') return null;
  switch (field?.type) {
    case 'number':
    case 'money':
      return DECIMAL.test(text.trim()) ? Number(text.trim()) : text;
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    default:
      return text;
  }
};

/**
 * Every `--field name=value` as field values of the blueprint, or one error listing every bad value
 * (unknown names, values that do not fit their type, names given twice) before anything is stored.
 */
export const parseFieldArguments = (definition: BlueprintDefinition, args: readonly string[]): FieldValues => {
  const fieldByName = new Map(definition.fields.map((field) => [field.name, field]));
  const values: Record<string, FieldValue> = {};
  const twice: FieldProblem[] = [];
  for (const argument of args) {
    const { name, text } = splitFieldArgument(argument);
    if (Object.hasOwn(values, name)) twice.push({ field: name, message: `${name}: given more than once` });
    values[name] = fieldValueFromText(fieldByName.get(name), text);
  }
  const problems = [...twice, ...validateFieldValues(definition, values)];
  if (problems.length > 0) {
    throw new CliException(CliExceptionCode.INVALID_FIELDS, `invalid --field values for ${definition.kind}; nothing was stored`, { problems });
  }
  return values;
};

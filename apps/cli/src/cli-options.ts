import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CliException, CliExceptionCode, usageError } from './cli.exception';
import type { CommandInput, OptionValues } from './cli-command';

export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const requiredOption = (values: OptionValues, name: string): string => {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw usageError(`--${name} is required`);
  return value;
};

export const positiveIntegerOption = (values: OptionValues, name: string): number | undefined => {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw usageError(`--${name} must be a whole number ≥ 1, not "${value}"`);
  return parsed;
};

export const nonNegativeIntegerOption = (values: OptionValues, name: string): number | undefined => {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(parsed) || parsed < 0) throw usageError(`--${name} must be a whole number ≥ 0, not "${value}"`);
  return parsed;
};

/** Every value of a repeatable option (`--field a=1 --field b=2`), in the order given. */
export const stringListOption = (values: OptionValues, name: string): string[] => {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
};

export const choiceOption = <T extends string>(values: OptionValues, name: string, choices: readonly T[], fallback: T): T => {
  const value = stringOption(values, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) throw usageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
  return value as T;
};

export const pathFrom = (input: CommandInput, path: string): string => (isAbsolute(path) ? path : resolve(input.io.cwd, path));

export const readInputFile = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliException(CliExceptionCode.INVALID_INPUT, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      path,
    });
  }
};

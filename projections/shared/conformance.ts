import { invalidQuery } from './read-model.exception';

/**
 * Which history a query counts: `all` (default) or only records whose history conforms to the blueprint,
 * i.e. has no StageRecorded (imported moves no transition explains) at the moment asked about.
 */
export type Conformance = 'all' | 'conforming';

export const CONFORMANCE_CHOICES: readonly Conformance[] = ['all', 'conforming'];

export const conformanceOf = (value: string | undefined): Conformance => {
  if (value === undefined) return 'all';
  const choice = CONFORMANCE_CHOICES.find((candidate) => candidate === value);
  if (choice === undefined) throw invalidQuery(`conformance must be one of ${CONFORMANCE_CHOICES.join(', ')}, not "${value}"`, { parameter: 'conformance', value, allowed: CONFORMANCE_CHOICES });
  return choice;
};

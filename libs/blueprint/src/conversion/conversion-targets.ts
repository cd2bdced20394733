import type { BlueprintDefinition, FieldDefinition, FieldType } from '../blueprint.model';
import { RECORD_ID_SOURCE, stepSourceOf } from './conversion.model';

export interface ConversionTargetProblem {
  /** The converting blueprint's id. */
  readonly blueprint: string;
  /** `conversion.creates[1].fields.account`. */
  readonly path: string;
  readonly message: string;
}

/** Types a value may be copied between: the same type, or a narrower text into a wider one. */
const COPIES_INTO: Readonly<Record<FieldType, readonly FieldType[]>> = {
  string: ['string', 'text'],
  text: ['text'],
  number: ['number'],
  money: ['money', 'number'],
  date: ['date'],
  boolean: ['boolean'],
  email: ['email', 'string', 'text'],
  phone: ['phone', 'string', 'text'],
  enum: ['enum', 'string', 'text'],
  reference: ['reference'],
};

const aOrAn = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

const copyProblem = (source: FieldDefinition, target: FieldDefinition): string | null => {
  if (!COPIES_INTO[source.type].includes(target.type)) return `${aOrAn(source.type)} field ("${source.name}") cannot fill ${aOrAn(target.type)} field`;
  if (source.type === 'enum' && target.type === 'enum') {
    const missing = (source.values ?? []).filter((value) => !(target.values ?? []).includes(value));
    if (missing.length > 0) return `"${source.name}" may hold ${missing.join(', ')}, which "${target.name}" does not allow`;
  }
  if (source.type === 'reference' && source.to !== target.to) return `"${source.name}" refers to ${source.to ?? '?'}, "${target.name}" to ${target.to ?? '?'}`;
  return null;
};

/**
 * Conversions checked against the blueprints of the records they open: each kind is governed, each
 * mapped field exists and can hold the value, ids go into references to their kind, links into
 * references to the linked step's kind. `definitions` are the latest version of each blueprint.
 */
export const conversionTargetProblems = (definitions: readonly BlueprintDefinition[]): ConversionTargetProblem[] => {
  const byKind = new Map(definitions.map((definition) => [definition.kind, definition]));
  return definitions.flatMap((converting) => {
    const conversion = converting.conversion;
    if (conversion === undefined) return [];
    const problems: ConversionTargetProblem[] = [];
    const problem = (path: string, message: string): void => void problems.push({ blueprint: converting.id, path, message });
    const stepKinds = new Map<string, string>();
    conversion.creates.forEach((step, index) => {
      const at = `conversion.creates[${index}]`;
      const target = byKind.get(step.kind);
      stepKinds.set(step.as, step.kind);
      if (target === undefined) {
        problem(`${at}.kind`, `no blueprint governs record kind "${step.kind}"; kinds: ${[...byKind.keys()].sort().join(', ')}`);
        return;
      }
      for (const [name, source] of Object.entries(step.fields)) {
        const field = target.fields.find((candidate) => candidate.name === name);
        if (field === undefined) {
          problem(`${at}.fields.${name}`, `the ${step.kind} blueprint has no field "${name}"`);
          continue;
        }
        const stepName = stepSourceOf(source);
        const idOfKind = source === RECORD_ID_SOURCE ? converting.kind : stepName === null ? null : (stepKinds.get(stepName) ?? null);
        if (source.startsWith('$')) {
          if (idOfKind !== null && (field.type !== 'reference' || field.to !== idOfKind)) {
            problem(`${at}.fields.${name}`, `${source} is the id of ${aOrAn(idOfKind)}; "${name}" must be a reference to ${idOfKind}`);
          }
          continue;
        }
        const sourceField = converting.fields.find((candidate) => candidate.name === source);
        const copy = sourceField === undefined ? null : copyProblem(sourceField, field);
        if (copy !== null) problem(`${at}.fields.${name}`, copy);
      }
    });
    for (const [name, source] of Object.entries(conversion.link)) {
      const field = converting.fields.find((candidate) => candidate.name === name);
      const stepName = stepSourceOf(source);
      const kind = stepName === null ? undefined : stepKinds.get(stepName);
      if (field !== undefined && kind !== undefined && field.to !== kind) problem(`conversion.link.${name}`, `"${name}" refers to ${field.to ?? '?'}, but ${source} is ${aOrAn(kind)}`);
    }
    return problems;
  });
};

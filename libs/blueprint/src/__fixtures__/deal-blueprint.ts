import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { BlueprintDefinition } from '../blueprint.model';
import { parseBlueprint, validateBlueprint } from '../parse-blueprint';

/**
 * A small valid blueprint as plain data, so a test can change one thing and see what the loader says.
 * Keys set to `undefined` in a change are removed from the document.
 */

type Plain = Readonly<Record<string, unknown>>;

export const DEAL_FIELDS: Plain = {
  amount: { type: 'money' },
  discount: { type: 'number' },
  closeDate: { type: 'date' },
  lossReason: { type: 'enum', values: ['price', 'timing', 'other'] },
};

export const DEAL_STAGES: Plain = {
  open: { order: 1, probability: 10, forecastCategory: 'pipeline' },
  negotiating: { order: 2, probability: 60, forecastCategory: 'commit' },
  won: { order: 3, probability: 100, forecastCategory: 'closed', outcome: 'won' },
  lost: { order: 4, probability: 0, forecastCategory: 'omitted', outcome: 'lost' },
};

export const DEAL_TRANSITIONS: readonly Plain[] = [
  { event: 'negotiate', from: 'open', to: 'negotiating', requires: ['amount'] },
  { event: 'win', from: 'negotiating', to: 'won', when: ['amount > 0'] },
  { event: 'lose', from: 'any-open', to: 'lost', supply: ['lossReason'] },
];

export interface DealChanges {
  readonly top?: Plain;
  readonly fields?: Plain;
  readonly stages?: Plain;
  readonly transitions?: readonly unknown[];
}

const withoutUndefined = (record: Plain): Plain =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

export const dealBlueprint = (changes: DealChanges = {}): string =>
  stringify(
    withoutUndefined({
      id: 'deal',
      version: 1,
      kind: 'deal',
      initialStage: 'open',
      fields: withoutUndefined({ ...DEAL_FIELDS, ...changes.fields }),
      stages: withoutUndefined({ ...DEAL_STAGES, ...changes.stages }),
      transitions: changes.transitions ?? DEAL_TRANSITIONS,
      ...changes.top,
    }),
  );

/** `path: message` of every problem, or [] when the source is valid. */
export const problemsOf = (source: string, file = 'deal.blueprint.yaml'): string[] => {
  const validation = validateBlueprint(source, file);
  return validation.ok ? [] : validation.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

export const fixturePath = (name: string): string => join(__dirname, name);

export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

export const opportunityDefinition = (): BlueprintDefinition =>
  parseBlueprint(readFixture('opportunity.blueprint.yaml'), 'opportunity.blueprint.yaml');

export const dealDefinition = (changes: DealChanges = {}): BlueprintDefinition =>
  parseBlueprint(dealBlueprint(changes), 'deal.blueprint.yaml');

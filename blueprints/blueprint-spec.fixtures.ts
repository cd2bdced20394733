import { compileBlueprint, loadBlueprintDirectory, type Actor, type CompiledBlueprint, type UnmetCriterion } from '@crm/blueprint';
import type { ScenarioOutcome } from '@crm/workflow/testing';

/** The default blueprints exactly as `npm start` loads them. */
export const defaultBlueprint = (kind: string): CompiledBlueprint => {
  const definition = loadBlueprintDirectory(__dirname).find((candidate) => candidate.kind === kind);
  if (!definition) throw new Error(`no default blueprint for ${kind}`);
  return compileBlueprint(definition);
};

export const rita: Actor = { id: 'rita', roles: ['rep'] };
export const raj: Actor = { id: 'raj', roles: ['rep'] };
export const max: Actor = { id: 'max', roles: ['manager'] };
export const ana: Actor = { id: 'ana', roles: ['analyst'] };
export const ada: Actor = { id: 'ada', roles: ['admin'] };

export const eventTypes = (outcome: ScenarioOutcome): string[] => {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.events.map((event) => event.type);
};

/** The unmet criteria of a refusal, as `criterion:field` (or just `criterion`) for compact assertions. */
export const unmetOf = (outcome: ScenarioOutcome): string[] => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.events.map((event) => event.type).join(', ')}`);
  const unmet = (outcome.error.details['unmet'] ?? []) as UnmetCriterion[];
  return unmet.map((criterion) => (criterion.field ? `${criterion.criterion}:${criterion.field}` : criterion.criterion));
};

export const errorCodeOf = (outcome: ScenarioOutcome): string => {
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error.code;
};

import type { BlueprintDefinition, TransitionDefinition } from '../blueprint.model';
import { criteriaPhrases } from './criteria-text';

/** A JSON value, as the Stately visualizer imports a machine: no functions anywhere. */
export type MachineJson = { readonly [key: string]: MachineJsonValue };
type MachineJsonValue = string | number | boolean | null | readonly MachineJsonValue[] | MachineJson;

/** The guard of one transition, referred to by name with its criteria as parameters (XState v5 `{ type, params }`). */
const guardOf = (transition: TransitionDefinition): MachineJson | null => {
  const phrases = criteriaPhrases(transition);
  return phrases.length === 0 ? null : { type: 'exitCriteria', params: { event: transition.event, criteria: [...phrases] } };
};

const transitionJson = (transition: TransitionDefinition): MachineJson => {
  const guard = guardOf(transition);
  return {
    target: transition.to,
    description: transition.title,
    ...(guard === null ? {} : { guard }),
  };
};

/**
 * The blueprint as an XState v5 machine config in plain JSON, for the Stately visualizer (stately.ai/viz)
 * or `createMachine`: one state per stage (final stages `type: final`), one transition per event and
 * source stage, each guarded by the named guard `exitCriteria` whose params list the criteria. Records
 * decide with the compiled machine, not this one; this is a picture of the same graph.
 */
export const toXStateJson = (definition: BlueprintDefinition): MachineJson => {
  const states = Object.fromEntries(
    [...definition.stages]
      .sort((a, b) => a.order - b.order)
      .map((stage) => {
        const on = Object.fromEntries(
          definition.transitions.filter((transition) => transition.from.includes(stage.id)).map((transition) => [transition.event, transitionJson(transition)]),
        );
        const meta = { probability: stage.probability, forecastCategory: stage.forecastCategory, outcome: stage.outcome };
        return [stage.id, { description: stage.title, meta, ...(stage.final ? { type: 'final' } : { on }) }];
      }),
  );
  return { id: definition.id, description: `${definition.title} (v${definition.version})`, initial: definition.initialStage, states };
};

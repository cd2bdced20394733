import type { BlueprintDefinition, TransitionDefinition } from '../api/api-types';

// Mermaid ends a label at `:`/`;`, starts a comment at `%%` and reads `<`/`>` as markup: softened (as the
// API's own diagram does, libs/blueprint to-mermaid).
const label = (text: string): string => text.replace(/[:;]/g, ' -').replace(/%%/g, '%').replace(/</g, '＜').replace(/>/g, '＞').replace(/"/g, "'").replace(/\s+/g, ' ').trim();

/** What must hold to take the transition, short enough for an edge: fields, expressions, who. */
export const criteriaOf = (transition: TransitionDefinition): string[] => [
  ...transition.criteria.requires.map((field) => `${field} ✓`),
  ...transition.supply.map((field) => `+${field}`),
  ...transition.criteria.expressions.map((expression) => expression.expression),
  ...(transition.criteria.roles ?? []).map((role) => `@${role}`),
  ...(transition.criteria.ownerOnly ? ['owner'] : []),
  ...(transition.criteria.requiresTasks ?? []).map((task) => `task ${task}`),
  ...(transition.approval?.steps ?? []).map((step) => `approval ${step.title}`),
];

/**
 * A Mermaid state diagram of the blueprint with each transition's criteria on its edge (the API's diagram
 * labels edges by event only). Drawn from the definition the API answered; nothing is judged here.
 */
export const blueprintDiagram = (definition: BlueprintDefinition): string =>
  [
    'stateDiagram-v2',
    ...definition.stages.map((stage) => `  ${stage.id}: ${label(stage.title)} (${stage.probability}%)`),
    `  [*] --> ${definition.initialStage}`,
    ...definition.transitions.flatMap((transition) => {
      const criteria = criteriaOf(transition);
      const text = label(criteria.length === 0 ? transition.event : `${transition.event} [${criteria.join(', ')}]`);
      return transition.from.map((from) => `  ${from} --> ${transition.to}: ${text}`);
    }),
    ...definition.stages.filter((stage) => stage.final).map((stage) => `  ${stage.id} --> [*]`),
  ].join('\n');

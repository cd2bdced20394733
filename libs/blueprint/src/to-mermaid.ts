import type { BlueprintDefinition, StageDefinition, TransitionDefinition } from './blueprint.model';
import { criteriaPhrases } from './lifecycle/criteria-text';

// Mermaid ends a label at `:`/`;` and starts a comment at `%%`; titles are prose, so those are softened.
const label = (text: string): string => text.replace(/[:;]/g, ' -').replace(/%%/g, '%').replace(/\s+/g, ' ').trim();

const stageLine = (stage: StageDefinition): string =>
  `  ${stage.id}: ${label(stage.title)} (${stage.probability}%, ${stage.forecastCategory})`;

export interface MermaidOptions {
  /** Each edge also names its criteria and roles (`negotiate [requires amount, role manager]`); default: the event only. */
  readonly criteria?: boolean;
}

const edgeLabel = (transition: TransitionDefinition, options: MermaidOptions): string => {
  const phrases = options.criteria === true ? criteriaPhrases(transition) : [];
  // Mermaid reads `,` fine inside a label; `:` and `;` are softened like titles.
  return phrases.length === 0 ? transition.event : `${transition.event} [${label(phrases.join(', '))}]`;
};

const edgeLines = (transition: TransitionDefinition, options: MermaidOptions): string[] =>
  transition.from.map((from) => `  ${from} --> ${transition.to}: ${edgeLabel(transition, options)}`);

/** A `stateDiagram-v2` of the blueprint: stages with probability, transitions labelled by event (and criteria). */
export const toMermaid = (definition: BlueprintDefinition, options: MermaidOptions = {}): string =>
  [
    'stateDiagram-v2',
    ...definition.stages.map(stageLine),
    `  [*] --> ${definition.initialStage}`,
    ...definition.transitions.flatMap((transition) => edgeLines(transition, options)),
    ...definition.stages.filter((stage) => stage.final).map((stage) => `  ${stage.id} --> [*]`),
  ].join('\n');

import type { BlueprintDefinition, StageDefinition, TransitionDefinition } from './blueprint.model';

// Mermaid ends a label at `:`/`;` and starts a comment at `%%`; titles are prose, so those are softened.
const label = (text: string): string => text.replace(/[:;]/g, ' -').replace(/%%/g, '%').replace(/\s+/g, ' ').trim();

const stageLine = (stage: StageDefinition): string =>
  `  ${stage.id}: ${label(stage.title)} (${stage.probability}%, ${stage.forecastCategory})`;

const edgeLines = (transition: TransitionDefinition): string[] =>
  transition.from.map((from) => `  ${from} --> ${transition.to}: ${transition.event}`);

/** A `stateDiagram-v2` of the blueprint: stages with probability, transitions labelled by event. */
export const toMermaid = (definition: BlueprintDefinition): string =>
  [
    'stateDiagram-v2',
    ...definition.stages.map(stageLine),
    `  [*] --> ${definition.initialStage}`,
    ...definition.transitions.flatMap(edgeLines),
    ...definition.stages.filter((stage) => stage.final).map((stage) => `  ${stage.id} --> [*]`),
  ].join('\n');

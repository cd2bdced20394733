import { blueprintRef, type BlueprintDefinition, type FieldDefinition, type TransitionDefinition } from '@crm/blueprint';
import { renderTable } from '../text-table';

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** `requires budget, timeline; when amount > 0 ("The amount must be positive"); supply lossReason; owner only` */
export const criteriaText = (transition: TransitionDefinition): string => {
  const { criteria } = transition;
  const parts = [
    ...(criteria.requires.length > 0 ? [`requires ${criteria.requires.join(', ')}`] : []),
    ...criteria.expressions.map(({ expression, message }) => `when ${expression} ("${message}")`),
    ...(transition.supply.length > 0 ? [`supply ${transition.supply.join(', ')}`] : []),
    ...(criteria.ownerOnly ? ['owner only'] : []),
  ];
  return parts.length === 0 ? '-' : parts.join('; ');
};

const fieldDetails = (field: FieldDefinition): string =>
  [
    ...(field.values === undefined ? [] : [`values: ${field.values.join(', ')}`]),
    ...(field.to === undefined ? [] : [`to: ${field.to}`]),
    ...(field.description === undefined ? [] : [field.description]),
  ].join('; ');

/** `any open stage` for a transition from every non-final stage (how `from: any-open` was written). */
const fromText = (definition: BlueprintDefinition, transition: TransitionDefinition): string => {
  const open = definition.stages.filter((stage) => !stage.final).map((stage) => stage.id);
  const fromAnyOpen = open.length > 1 && open.length === transition.from.length && open.every((stage) => transition.from.includes(stage));
  return fromAnyOpen ? 'any open stage' : transition.from.join(', ');
};

/** The blueprint for a person: stages in order, transitions with their criteria and roles, fields. */
export const renderBlueprint = (definition: BlueprintDefinition): string => {
  const ref = blueprintRef(definition);
  const stages = [...definition.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => [
      String(stage.order),
      stage.id,
      stage.title,
      `${stage.probability}%`,
      stage.forecastCategory,
      stage.outcome,
      stage.final ? 'final' : '',
      stage.entryTasks.map((task) => task.id).join(', '),
    ]);
  const transitions = definition.transitions.map((transition) => [
    transition.event,
    fromText(definition, transition),
    transition.to,
    criteriaText(transition),
    transition.criteria.roles === undefined ? 'any' : transition.criteria.roles.join(', '),
  ]);
  const fields = definition.fields.map((field) => [field.name, field.type, field.label, fieldDetails(field)]);
  return [
    `${definition.kind}: ${definition.title} (blueprint ${definition.id} v${definition.version}, sha256:${ref.contentHash.slice(0, 12)}, currency ${definition.currency})`,
    ...(definition.description === undefined ? [] : [definition.description]),
    `initial stage: ${definition.initialStage}`,
    '',
    'stages:',
    indent(renderTable(['order', 'stage', 'title', 'probability', 'forecast', 'outcome', 'final', 'entry tasks'], stages, 8)),
    '',
    'transitions:',
    indent(renderTable(['event', 'from', 'to', 'criteria', 'roles'], transitions, 5)),
    '',
    'fields:',
    indent(renderTable(['field', 'type', 'label', 'details'], fields, 4)),
    '',
  ].join('\n');
};

import { canonicalJson } from '../blueprint-content-hash';
import type { BlueprintDefinition } from '../blueprint.model';
import { criteriaPhrases } from './criteria-text';

/** One property that differs between two versions of the same item, with both values as JSON. */
export interface PropertyChange {
  readonly property: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface ItemChange {
  /** Stage id, transition event or field name. */
  readonly id: string;
  readonly changes: readonly PropertyChange[];
}

export interface SectionDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ItemChange[];
}

/** The criteria of one transition kept in both versions that differ, as phrases (see `criteriaPhrases`). */
export interface CriteriaChange {
  readonly event: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface BlueprintDiff {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  /** Blueprint-level properties (title, initial stage, currency, …). */
  readonly blueprint: readonly PropertyChange[];
  readonly stages: SectionDiff;
  /** By event; a transition's criteria are in `criteria`, not in its `changed` properties. */
  readonly transitions: SectionDiff;
  readonly criteria: readonly CriteriaChange[];
  readonly fields: SectionDiff;
  /** True when nothing differs. */
  readonly same: boolean;
}

type Plain = Readonly<Record<string, unknown>>;

const asPlain = (value: object): Plain => JSON.parse(JSON.stringify(value)) as Plain;

/** Every property of `before` or `after` whose canonical JSON differs, in name order; `omit` left out. */
const propertyChanges = (before: Plain, after: Plain, omit: readonly string[] = []): PropertyChange[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((property) => !omit.includes(property))
    .sort()
    .flatMap((property) =>
      canonicalJson(before[property] ?? null) === canonicalJson(after[property] ?? null)
        ? []
        : [{ property, from: before[property] ?? null, to: after[property] ?? null }],
    );

const sectionDiff = <T extends object>(before: readonly T[], after: readonly T[], idOf: (item: T) => string, omit: readonly string[] = []): SectionDiff => {
  const old = new Map(before.map((item) => [idOf(item), item]));
  const fresh = new Map(after.map((item) => [idOf(item), item]));
  return {
    added: [...fresh.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !fresh.has(id)),
    changed: [...fresh.entries()].flatMap(([id, item]) => {
      const previous = old.get(id);
      if (previous === undefined) return [];
      const changes = propertyChanges(asPlain(previous), asPlain(item), omit);
      return changes.length === 0 ? [] : [{ id, changes }];
    }),
  };
};

const criteriaChanges = (before: BlueprintDefinition, after: BlueprintDefinition): CriteriaChange[] => {
  const old = new Map(before.transitions.map((transition) => [transition.event, criteriaPhrases(transition)]));
  return after.transitions.flatMap((transition) => {
    const previous = old.get(transition.event);
    if (previous === undefined) return [];
    const now = criteriaPhrases(transition);
    const added = now.filter((phrase) => !previous.includes(phrase));
    const removed = previous.filter((phrase) => !now.includes(phrase));
    return added.length === 0 && removed.length === 0 ? [] : [{ event: transition.event, added, removed }];
  });
};

const isEmpty = (section: SectionDiff): boolean => section.added.length + section.removed.length + section.changed.length === 0;

/** What changed from `before` to `after` (two versions of one blueprint): pure, in the order of the files. */
export const diffBlueprints = (before: BlueprintDefinition, after: BlueprintDefinition): BlueprintDiff => {
  const blueprint = propertyChanges(asPlain(before), asPlain(after), ['version', 'fields', 'stages', 'transitions']);
  const stages = sectionDiff(before.stages, after.stages, (stage) => stage.id);
  const transitions = sectionDiff(before.transitions, after.transitions, (transition) => transition.event, ['criteria', 'supply', 'approval']);
  const criteria = criteriaChanges(before, after);
  const fields = sectionDiff(before.fields, after.fields, (field) => field.name);
  return {
    id: after.id,
    from: before.version,
    to: after.version,
    blueprint,
    stages,
    transitions,
    criteria,
    fields,
    same: blueprint.length === 0 && isEmpty(stages) && isEmpty(transitions) && criteria.length === 0 && isEmpty(fields),
  };
};

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const sectionLines = (title: string, section: SectionDiff): string[] =>
  isEmpty(section)
    ? []
    : [
        `${title}:`,
        ...section.added.map((id) => `  + ${id}`),
        ...section.removed.map((id) => `  - ${id}`),
        ...section.changed.map(({ id, changes }) => `  ~ ${id}: ${changes.map((change) => `${change.property} ${shown(change.from)} -> ${shown(change.to)}`).join('; ')}`),
      ];

/** The diff for a person: one line per added (+), removed (-) or changed (~) item, by section. */
export const formatBlueprintDiff = (diff: BlueprintDiff): string =>
  [
    `blueprint ${diff.id} v${diff.from} -> v${diff.to}${diff.same ? ': no differences' : ''}`,
    ...(diff.blueprint.length === 0 ? [] : ['blueprint:', ...diff.blueprint.map((change) => `  ~ ${change.property} ${shown(change.from)} -> ${shown(change.to)}`)]),
    ...sectionLines('stages', diff.stages),
    ...sectionLines('transitions', diff.transitions),
    ...(diff.criteria.length === 0
      ? []
      : ['criteria:', ...diff.criteria.map(({ event, added, removed }) => `  ~ ${event}: ${[...added.map((phrase) => `+ ${phrase}`), ...removed.map((phrase) => `- ${phrase}`)].join('; ')}`)]),
    ...sectionLines('fields', diff.fields),
  ].join('\n');

import {
  fieldValueOf,
  type Actor,
  type BlueprintDefinition,
  type FieldValue,
  type FieldValues,
  type TransitionDefinition,
  type UnmetCriterion,
} from './blueprint.model';
import type { CompiledExpression } from './cel-expression';

/**
 * The fixed catalog of exit criteria. Each entry is a pure function from its parameters (taken from the
 * blueprint) and the facts to the list of what is unmet. The XState guards of the same name call these
 * very functions, and so does `unmetCriteria`: the explainer and the machine cannot disagree.
 *
 * An `approval` guard will join this catalog when approvals are supported (see blueprint.schema.ts).
 */

/** What the criteria are judged on; `fields` already include the supplied ones. */
export interface CriteriaFacts {
  readonly fields: FieldValues;
  readonly supplied: FieldValues;
  readonly owner: string | null;
  readonly actor: Actor;
}

export interface GuardParams {
  readonly requiredFields: { readonly fields: readonly string[] };
  readonly suppliedFields: { readonly fields: readonly string[] };
  readonly expression: { readonly expression: string; readonly message: string };
  readonly role: { readonly roles: readonly string[] };
  readonly owner: undefined;
}

export type GuardName = keyof GuardParams;

/** A guard as it appears in the machine: a catalog name and its parameters from the blueprint. */
export type GuardRef = { readonly [K in GuardName]: { readonly type: K; readonly params: GuardParams[K] } }[GuardName];

export type CriterionFailure = Omit<UnmetCriterion, 'event'>;

export type CriteriaCatalog = {
  readonly [K in GuardName]: (params: GuardParams[K], facts: CriteriaFacts) => CriterionFailure[];
};

/** Empty and whitespace-only strings count as missing: a rep cannot satisfy "budget" with "". */
export const hasValue = (value: FieldValue | undefined): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** The named guards of one transition, in the order its unmet criteria are reported. */
export const guardsOf = (transition: TransitionDefinition): GuardRef[] => {
  const { criteria, supply } = transition;
  return [
    ...(criteria.requires.length > 0 ? [{ type: 'requiredFields' as const, params: { fields: criteria.requires } }] : []),
    ...(supply.length > 0 ? [{ type: 'suppliedFields' as const, params: { fields: supply } }] : []),
    ...criteria.expressions.map((criterion) => ({
      type: 'expression' as const,
      params: { expression: criterion.expression, message: criterion.message },
    })),
    ...(criteria.roles === undefined ? [] : [{ type: 'role' as const, params: { roles: criteria.roles } }]),
    ...(criteria.ownerOnly ? [{ type: 'owner' as const, params: undefined }] : []),
  ];
};

const listOf = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

export const createCriteriaCatalog = (
  definition: BlueprintDefinition,
  expressionFor: (source: string) => CompiledExpression,
): CriteriaCatalog => {
  const labelOf = new Map(definition.fields.map((field) => [field.name, field.label]));
  const label = (field: string): string => labelOf.get(field) ?? field;
  return {
    requiredFields: ({ fields }, facts) =>
      fields
        .filter((field) => !hasValue(fieldValueOf(facts.fields, field)))
        .map((field) => ({ criterion: 'required_field', field, message: `${label(field)} is required` })),
    suppliedFields: ({ fields }, facts) =>
      fields
        .filter((field) => !hasValue(fieldValueOf(facts.supplied, field)))
        .map((field) => ({
          criterion: 'supplied_field',
          field,
          message: `${label(field)} must be supplied with this transition`,
        })),
    expression: ({ expression, message }, facts) => {
      const verdict = expressionFor(expression).evaluate(facts.fields);
      if (verdict.holds) return [];
      return [{ criterion: 'expression', expression, message: verdict.reason === undefined ? message : `${message} (${verdict.reason})` }];
    },
    role: ({ roles }, facts) =>
      roles.some((role) => facts.actor.roles.includes(role))
        ? []
        : [{ criterion: 'role', message: `requires the role ${listOf(roles)}` }],
    owner: (_params, facts) => {
      if (facts.owner !== null && facts.owner === facts.actor.id) return [];
      const message =
        facts.owner === null
          ? "only the record's owner may do this, and the record has no owner"
          : "only the record's owner may do this";
      return [{ criterion: 'owner', message }];
    },
  };
};

/** Dispatches one guard reference to its catalog entry, keeping the parameter types exact. */
export const evaluateGuard = (catalog: CriteriaCatalog, guard: GuardRef, facts: CriteriaFacts): CriterionFailure[] => {
  switch (guard.type) {
    case 'requiredFields':
      return catalog.requiredFields(guard.params, facts);
    case 'suppliedFields':
      return catalog.suppliedFields(guard.params, facts);
    case 'expression':
      return catalog.expression(guard.params, facts);
    case 'role':
      return catalog.role(guard.params, facts);
    case 'owner':
      return catalog.owner(guard.params, facts);
  }
};

import type { Actor, ApprovalFact, FieldValue, FieldValues, TaskFact, TransitionDefinition, UnmetCriterion } from '../blueprint.model';
import type { CompiledExpression } from '../cel-expression';

/** What exit criteria are judged on; `fields` already include the supplied ones. */
export interface CriteriaFacts {
  readonly fields: FieldValues;
  readonly supplied: FieldValues;
  readonly owner: string | null;
  readonly actor: Actor;
  readonly tasks: readonly TaskFact[];
  readonly approvals: readonly ApprovalFact[];
}

/** What a guard may consult about the blueprint it is compiled into. */
export interface GuardContext {
  /** The field's label, for messages. */
  label(field: string): string;
  /** The blueprint's CEL expression, parsed once when the blueprint was compiled. */
  expressionFor(source: string): CompiledExpression;
  /** The title of a task template, for messages. */
  taskTitle(template: string): string;
}

export type CriterionFailure = Omit<UnmetCriterion, 'event'>;

/**
 * One exit criterion, in one place: its name (how the XState machine refers to it), which transitions
 * use it with which parameters, and its judgement. The machine's guard and the explanation of what
 * blocks a transition both call `evaluate`, so they cannot disagree.
 */
export interface GuardDefinition<P> {
  readonly name: string;
  /** The parameters of each use of this guard on the transition, in report order; none when unused. */
  paramsOf(transition: TransitionDefinition): readonly P[];
  /** Every unmet part for these facts; [] when the guard holds. Pure. */
  evaluate(params: P, facts: CriteriaFacts, context: GuardContext): CriterionFailure[];
}

/**
 * Declares a guard. A set of guards keeps definitions of different parameter types side by side; the
 * members are methods so a `GuardDefinition<P>` is usable where any guard is expected, which is sound
 * because parameters only ever reach the guard that produced them (`GuardRef.type` names it).
 */
export const defineGuard = <P>(guard: GuardDefinition<P>): GuardDefinition<unknown> => guard;

/** A guard as it appears in the machine: its name and its parameters from the blueprint. */
export interface GuardRef {
  readonly type: string;
  readonly params: unknown;
}

/** Empty and whitespace-only strings count as missing: a rep cannot satisfy "budget" with "". */
export const hasValue = (value: FieldValue | undefined): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

export const listOf = (names: readonly string[]): string =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

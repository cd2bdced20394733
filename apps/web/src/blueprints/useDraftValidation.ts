import { useDeferredValue, useMemo } from 'react';
import { validateBlueprint } from '@crm/blueprint/validate';

export interface DraftProblem {
  /** `transitions[0].requires[0]`; empty for the document as a whole. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type DraftValidation = { readonly ok: true; readonly warnings: readonly DraftProblem[] } | { readonly ok: false; readonly problems: readonly DraftProblem[]; readonly warnings: readonly DraftProblem[] };

/**
 * The draft judged by the engine's own blueprint validator (libs/blueprint `validateBlueprint`, the code
 * that loads blueprints on the server), in the browser as the process owner types. The API has no route
 * for a draft yet (README, Web app); when it has, the answer of that route replaces this.
 */
export const useDraftValidation = (source: string): DraftValidation => {
  const deferred = useDeferredValue(source);
  return useMemo(() => validateBlueprint(deferred, 'draft.blueprint.yaml'), [deferred]);
};

import type { Actor } from '../../blueprint.model';
import { compileBlueprint } from '../../compile-blueprint';
import { decideTransition } from '../../decide-transition';
import { BUILT_IN_GUARDS } from '../../guards/built-in.guards';
import { opportunityDefinition } from '../deal-blueprint';
import { noSelfDealingGuard } from './no-self-dealing.guard';

const ann: Actor = { id: 'ann', roles: ['rep'] };
const withGuard = compileBlueprint(opportunityDefinition(), { guards: [...BUILT_IN_GUARDS, noSelfDealingGuard] });
const fields = { closeDate: '2026-06-30', amount: 10, discount: 0 };

describe('a guard added in one folder', () => {
  it('given the new guard in the guard set, when a rep closes a deal she is the decision maker of, then XState refuses and the explanation names the new criterion', () => {
    const context = { stage: 'proposal', fields: { ...fields, decisionMaker: 'ann' }, supplied: {}, owner: 'ann', actor: ann };

    const decision = decideTransition(withGuard, context, 'close_won');

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [{ event: 'close_won', criterion: 'no_self_dealing', field: 'decisionMaker', message: 'Decision maker must be someone other than the acting user' }],
    });
    expect(withGuard.explain(context).find((step) => step.event === 'close_won')?.allowed).toBe(false);
  });

  it('given someone else as decision maker, when the deal is closed, then the guard holds', () => {
    const context = { stage: 'proposal', fields: { ...fields, decisionMaker: 'Dana CFO' }, supplied: {}, owner: 'ann', actor: ann };
    expect(decideTransition(withGuard, context, 'close_won')).toMatchObject({ kind: 'transitioned', to: 'closed_won' });
  });

  it('given the default guard set, when the same deal is closed, then the new guard plays no part', () => {
    const context = { stage: 'proposal', fields: { ...fields, decisionMaker: 'ann' }, supplied: {}, owner: 'ann', actor: ann };
    expect(decideTransition(compileBlueprint(opportunityDefinition()), context, 'close_won')).toMatchObject({ kind: 'transitioned' });
  });
});

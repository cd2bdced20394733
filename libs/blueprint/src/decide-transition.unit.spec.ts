import type { Actor, CriteriaContext, FieldValues } from './blueprint.model';
import { compileBlueprint } from './compile-blueprint';
import { decideTransition, enterInitialStage } from './decide-transition';
import { DEAL_TRANSITIONS, dealDefinition, opportunityDefinition } from './__fixtures__/deal-blueprint';

const ann: Actor = { id: 'ann', roles: ['rep'] };
const opportunity = compileBlueprint(opportunityDefinition());

const context = (changes: Partial<CriteriaContext>): CriteriaContext => ({
  stage: 'qualification',
  fields: {},
  supplied: {},
  owner: 'ann',
  actor: ann,
  ...changes,
});

describe('decideTransition', () => {
  it('given the criteria are met, when deciding, then it transitions and returns the entry tasks of the new stage', () => {
    const decision = decideTransition(
      opportunity,
      context({ stage: 'needs_analysis', fields: { proposalDocument: 'proposal.pdf' } }),
      'send_proposal',
    );

    expect(decision).toEqual({
      kind: 'transitioned',
      transition: opportunity.definition.transitions[1],
      from: 'needs_analysis',
      to: 'proposal',
      tasks: [{ id: 'send_proposal', title: 'Send the proposal to the customer', dueInDays: 3 }],
      timersSet: [],
      timersCancelled: [],
    });
  });

  it('given a stage without entry tasks, when transitioning into it, then there are no tasks', () => {
    const decision = decideTransition(
      opportunity,
      context({ fields: { budget: 5000, decisionMaker: 'Dana', timeline: '2026-09-01' } }),
      'analyze_needs',
    );

    expect(decision).toMatchObject({ kind: 'transitioned', from: 'qualification', to: 'needs_analysis', tasks: [] });
  });

  it('given criteria unmet, when deciding, then it is refused with every unmet criterion', () => {
    const decision = decideTransition(
      opportunity,
      context({ stage: 'proposal', fields: { amount: 10, discount: 0.5 }, owner: 'bob', actor: { id: 'ann', roles: [] } }),
      'close_won',
    );

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [
        { event: 'close_won', criterion: 'required_field', field: 'closeDate', message: 'Close date is required' },
        {
          event: 'close_won',
          criterion: 'expression',
          expression: 'amount > 0 && discount <= 0.2',
          message: 'Amount must be positive and discount at most 20%',
        },
        { event: 'close_won', criterion: 'role', message: 'requires the role rep or manager' },
        { event: 'close_won', criterion: 'owner', message: "only the record's owner may do this" },
      ],
    });
  });

  it('given amounts as JSON numbers, when deciding, then whole and decimal amounts both satisfy amount > 0', () => {
    const at = (amount: number) =>
      decideTransition(
        opportunity,
        context({ stage: 'proposal', fields: { amount, discount: 0, closeDate: '2026-06-30' } }),
        'close_won',
      ).kind;

    expect(at(10)).toBe('transitioned');
    expect(at(10.5)).toBe('transitioned');
    expect(at(0)).toBe('refused');
  });

  it('given a field the actor must supply, when it is supplied with the event, then it transitions', () => {
    const supplied = { lossReason: 'price' };

    const decision = decideTransition(opportunity, context({ stage: 'proposal', fields: supplied, supplied }), 'close_lost');

    expect(decision).toMatchObject({ kind: 'transitioned', to: 'closed_lost' });
  });

  it('given a field already on the record but not supplied, when a supply transition fires, then it is refused', () => {
    const decision = decideTransition(opportunity, context({ fields: { lossReason: 'price' } }), 'close_lost');

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [
        {
          event: 'close_lost',
          criterion: 'supplied_field',
          field: 'lossReason',
          message: 'Loss reason must be supplied with this transition',
        },
      ],
    });
  });

  it('given no transition for the event starts from the current stage, when deciding, then the stage criterion says by their titles where it is possible and where the record is', () => {
    const decision = decideTransition(opportunity, context({ stage: 'qualification' }), 'close_won');

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [{ event: 'close_won', criterion: 'stage', message: 'Close won is possible only from Proposal; this opportunity is in Qualification' }],
    });
  });

  it('given the stage criterion of a transition titled in the blueprint, then its title names it', () => {
    const decision = decideTransition(opportunity, context({ stage: 'needs_analysis' }), 'analyze_needs');

    expect(decision).toMatchObject({
      kind: 'refused',
      unmet: [{ event: 'analyze_needs', criterion: 'stage', message: 'Start needs analysis is possible only from Qualification; this opportunity is in Needs analysis' }],
    });
  });

  it('given a final stage, when deciding, then it is refused by stage', () => {
    const supplied = { lossReason: 'price' };

    const decision = decideTransition(opportunity, context({ stage: 'closed_won', fields: supplied, supplied }), 'close_lost');

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [
        {
          event: 'close_lost',
          criterion: 'stage',
          message: 'Close lost is possible only from Qualification, Needs analysis or Proposal; this opportunity is in Closed won',
        },
      ],
    });
  });

  it('given an event the blueprint does not know, when deciding, then it is an unknown event', () => {
    expect(decideTransition(opportunity, context({}), 'teleport')).toEqual({ kind: 'unknown_event' });
  });

  it('given a stage the blueprint does not have, when deciding, then it is refused by stage instead of crashing', () => {
    const decision = decideTransition(opportunity, context({ stage: 'limbo' }), 'close_won');

    expect(decision).toEqual({
      kind: 'refused',
      unmet: [
        {
          event: 'close_won',
          criterion: 'stage',
          message: 'the record is in stage "limbo", which blueprint opportunity v1 does not have',
        },
      ],
    });
  });

  it('given one event from several stages, when deciding, then the candidate from the current stage is the one judged', () => {
    const deal = compileBlueprint(
      dealDefinition({
        transitions: [...DEAL_TRANSITIONS, { event: 'win', from: 'open', to: 'won', requires: ['closeDate'] }],
      }),
    );

    const fromOpen = decideTransition(deal, context({ stage: 'open', fields: { amount: 5 } }), 'win');
    const fromNegotiating = decideTransition(deal, context({ stage: 'negotiating', fields: { amount: 5 } }), 'win');

    expect(fromOpen).toEqual({
      kind: 'refused',
      unmet: [{ event: 'win', criterion: 'required_field', field: 'closeDate', message: 'Close date is required' }],
    });
    expect(fromNegotiating).toMatchObject({ kind: 'transitioned', from: 'negotiating', to: 'won' });
  });

  describe('stage timers, declared as XState delays', () => {
    const timed = compileBlueprint(
      dealDefinition({
        fields: { validUntil: { type: 'date' } },
        stages: {
          open: { order: 1, probability: 10, forecastCategory: 'pipeline', timers: [{ id: 'nudge', after: 'PT4H', then: 'remind' }] },
          negotiating: {
            order: 2,
            probability: 60,
            forecastCategory: 'commit',
            stalledAfter: 'P30D',
            timers: [{ id: 'give_up', at: 'validUntil', then: { fire: 'lose' } }],
          },
        },
      }),
    );
    const planner = { dueIn: (timer: { id: string }, fields: FieldValues) => (timer.id === 'give_up' && fields['validUntil'] === undefined ? Number.POSITIVE_INFINITY : 1_000) };

    it('given a record opened, when the initial stage is entered, then XState sets its timers', () => {
      expect(enterInitialStage(timed, { fields: {}, owner: 'ann', actor: ann, planner }).timersSet).toEqual([
        { stage: 'open', timer: expect.objectContaining({ id: 'nudge' }), dueInMs: 1_000 },
      ]);
    });

    it('given a record in a stage with timers, when it moves on, then XState cancels them and sets those of the next stage that can be due', () => {
      const decision = decideTransition(timed, { ...context({ stage: 'open' }), fields: { amount: 10 }, planner }, 'negotiate');
      if (decision.kind !== 'transitioned') throw new Error(`expected a transition, got ${decision.kind}`);
      expect(decision.timersCancelled).toEqual([{ stage: 'open', timer: expect.objectContaining({ id: 'nudge' }) }]);
      // give_up waits for a validUntil date; the stalled timer is always due.
      expect(decision.timersSet.map((set) => set.timer.id)).toEqual(['stalled_negotiating']);
    });

    it('given the date a timer waits for is supplied with the move, then that timer is set too', () => {
      const decision = decideTransition(timed, { ...context({ stage: 'open' }), fields: { amount: 10, validUntil: '2026-07-01' }, supplied: { validUntil: '2026-07-01' }, planner }, 'negotiate');
      if (decision.kind !== 'transitioned') throw new Error(`expected a transition, got ${decision.kind}`);
      expect(decision.timersSet.map((set) => set.timer.id).sort()).toEqual(['give_up', 'stalled_negotiating']);
    });

    it('given no planner (an explanation, not a decision), then no timer is set', () => {
      const decision = decideTransition(timed, { ...context({ stage: 'open' }), fields: { amount: 10 } }, 'negotiate');
      expect(decision).toMatchObject({ kind: 'transitioned', timersSet: [] });
    });
  });
});

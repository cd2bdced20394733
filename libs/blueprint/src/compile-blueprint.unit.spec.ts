import fc from 'fast-check';
import { transition } from 'xstate';
import type { Actor, CriteriaContext, FieldValues } from './blueprint.model';
import { BlueprintException } from './blueprint.exception';
import { compileBlueprint } from './compile-blueprint';
import { dealDefinition, opportunityDefinition } from './__fixtures__/deal-blueprint';

const ann: Actor = { id: 'ann', roles: ['rep'] };
const compiled = compileBlueprint(opportunityDefinition());

const context = (changes: Partial<CriteriaContext> = {}): CriteriaContext => ({
  stage: 'proposal',
  fields: {},
  supplied: {},
  owner: 'ann',
  actor: ann,
  ...changes,
});

const transitionNamed = (event: string) => {
  const found = compiled.definition.transitions.find((candidate) => candidate.event === event);
  if (found === undefined) throw new Error(`no transition ${event}`);
  return found;
};

describe('compileBlueprint: the XState machine, decided with transition()', () => {
  it('given the guard passes, when transition() runs, then the stage changes and the entry task comes back as an action', () => {
    const snapshot = compiled.machine.resolveState({
      value: 'needs_analysis',
      context: { fields: { proposalDocument: 'proposal.pdf' }, owner: 'ann' },
    });

    const [next, actions] = transition(compiled.machine, snapshot, { type: 'send_proposal', actor: ann, supplied: {} });

    expect(next.value).toBe('proposal');
    expect(actions.map((action) => ({ type: action.type, params: action.params }))).toEqual([
      { type: 'openTask', params: { id: 'send_proposal', title: 'Send the proposal to the customer', dueInDays: 3 } },
    ]);
  });

  it('given the guard fails, when transition() runs, then the stage stays and no action comes back', () => {
    const snapshot = compiled.machine.resolveState({ value: 'needs_analysis', context: { fields: {}, owner: 'ann' } });

    const [next, actions] = transition(compiled.machine, snapshot, { type: 'send_proposal', actor: ann, supplied: {} });

    expect(next.value).toBe('needs_analysis');
    expect(actions).toEqual([]);
  });

  it('given supplied fields on the event, when transition() runs, then the guards see them', () => {
    const snapshot = compiled.machine.resolveState({ value: 'qualification', context: { fields: {}, owner: 'ann' } });

    const [next] = transition(compiled.machine, snapshot, { type: 'close_lost', actor: ann, supplied: { lossReason: 'price' } });

    expect(next.value).toBe('closed_lost');
    expect(next.status).toBe('done');
  });

  it('given a final stage, when any event arrives, then the machine stays there', () => {
    const snapshot = compiled.machine.resolveState({ value: 'closed_won', context: { fields: {}, owner: 'ann' } });

    const [next, actions] = transition(compiled.machine, snapshot, { type: 'close_lost', actor: ann, supplied: { lossReason: 'price' } });

    expect(next.value).toBe('closed_won');
    expect(actions).toEqual([]);
  });

  it('given the blueprint, when compiled, then each transition is guarded by named catalog guards with blueprint params', () => {
    const closeWon = compiled.machine.states.proposal.on.close_won[0];
    const guard: unknown = closeWon.guard;

    const named = typeof guard === 'function' && 'guards' in guard ? guard.guards : undefined;

    expect(named).toEqual([
      { type: 'requiredFields', params: { fields: ['closeDate'] } },
      {
        type: 'expression',
        params: { expression: 'amount > 0 && discount <= 0.2', message: 'Amount must be positive and discount at most 20%' },
      },
      { type: 'role', params: { roles: ['rep', 'manager'] } },
      { type: 'owner', params: undefined },
    ]);
    const closeLost: unknown = compiled.machine.states.proposal.on.close_lost[0].guard;
    expect(typeof closeLost === 'function' && 'guards' in closeLost ? closeLost.guards : undefined).toEqual([
      { type: 'suppliedFields', params: { fields: ['lossReason'] } },
    ]);
  });

  it('given the blueprint, when compiled, then there is one state per stage and final stages are final', () => {
    const states = compiled.machine.states;

    expect(Object.keys(states)).toEqual(['qualification', 'needs_analysis', 'proposal', 'closed_won', 'closed_lost']);
    expect(states.closed_won.type).toBe('final');
    expect(states.proposal.type).toBe('atomic');
    expect(compiled.machine.config.initial).toBe('qualification');
  });
});

describe('compileBlueprint: unmetCriteria', () => {
  it('given nothing met, when asked, then every criterion is listed in catalog order', () => {
    const unmet = compiled.unmetCriteria(
      transitionNamed('close_won'),
      context({ stage: 'qualification', owner: 'bob', actor: { id: 'ann', roles: ['viewer'] } }),
    );

    expect(unmet).toEqual([
      { event: 'close_won', criterion: 'stage', message: 'Close won is possible only from Proposal; this opportunity is in Qualification' },
      { event: 'close_won', criterion: 'required_field', field: 'closeDate', message: 'Close date is required' },
      {
        event: 'close_won',
        criterion: 'expression',
        expression: 'amount > 0 && discount <= 0.2',
        message: 'Amount must be positive and discount at most 20% (amount, discount have no value)',
      },
      { event: 'close_won', criterion: 'role', message: 'requires the role rep or manager' },
      { event: 'close_won', criterion: 'owner', message: "only the record's owner may do this" },
    ]);
  });

  it('given every criterion met, when asked, then nothing is unmet', () => {
    const fields = { closeDate: '2026-06-30', amount: 10, discount: 0 };

    expect(compiled.unmetCriteria(transitionNamed('close_won'), context({ fields }))).toEqual([]);
  });

  it('given empty strings for required fields, when asked, then they count as missing', () => {
    const unmet = compiled.unmetCriteria(
      transitionNamed('analyze_needs'),
      context({ stage: 'qualification', fields: { budget: 5000, decisionMaker: '  ', timeline: '2026-09-01' } }),
    );

    expect(unmet).toEqual([
      { event: 'analyze_needs', criterion: 'required_field', field: 'decisionMaker', message: 'Decision maker is required' },
    ]);
  });

  it('given a record without owner, when an owner-only transition is asked, then the owner criterion says so', () => {
    const fields = { closeDate: '2026-06-30', amount: 10, discount: 0 };

    const unmet = compiled.unmetCriteria(transitionNamed('close_won'), context({ fields, owner: null }));

    expect(unmet).toEqual([
      { event: 'close_won', criterion: 'owner', message: "only the record's owner may do this, and the record has no owner" },
    ]);
  });
});

describe('compileBlueprint: explain', () => {
  it('given a record in proposal, when explained, then every next event is listed with allowed and unmet', () => {
    const next = compiled.explain({ stage: 'proposal', fields: { amount: 10, discount: 0.1, closeDate: '2026-06-30' }, owner: 'ann', actor: ann });

    expect(next).toEqual([
      { event: 'close_won', title: 'Close won', to: 'closed_won', allowed: true, unmet: [] },
      {
        event: 'close_lost',
        title: 'Close lost',
        to: 'closed_lost',
        allowed: false,
        unmet: [
          {
            event: 'close_lost',
            criterion: 'supplied_field',
            field: 'lossReason',
            message: 'Loss reason must be supplied with this transition',
          },
        ],
      },
    ]);
  });

  it('given a final stage, when explained, then there is no next event', () => {
    expect(compiled.explain({ stage: 'closed_won', fields: {}, owner: 'ann', actor: ann })).toEqual([]);
  });

  it('given stages, when asked, then stage() and transitionsFrom() answer from the definition', () => {
    expect(compiled.stage('proposal')?.probability).toBe(50);
    expect(compiled.stage('nowhere')).toBeUndefined();
    expect(compiled.transitionsFrom('qualification').map((candidate) => candidate.event)).toEqual(['analyze_needs', 'close_lost']);
    expect(compiled.transitionsFrom('nowhere')).toEqual([]);
  });

  it('given any facts, when XState decides and explain() judges, then they always agree', () => {
    const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
    const facts = fc.record({
      stage: fc.constantFrom(...compiled.definition.stages.map((stage) => stage.id)),
      event: fc.constantFrom(...compiled.definition.transitions.map((candidate) => candidate.event)),
      fields: fc.record({
        amount: optional(fc.constantFrom(0, 10, 10.5, 250_000)),
        discount: optional(fc.constantFrom(0, 0.2, 0.35)),
        closeDate: optional(fc.constant('2026-06-30')),
        budget: optional(fc.constant(5000)),
        decisionMaker: optional(fc.constantFrom('', 'Dana')),
        timeline: optional(fc.constant('2026-09-01')),
        proposalDocument: optional(fc.constant('proposal.pdf')),
      }),
      supplied: fc.record({ lossReason: optional(fc.constantFrom('price', 'timing')) }),
      owner: fc.constantFrom('ann', 'bob', null),
      actor: fc.record({ id: fc.constantFrom('ann', 'bob'), roles: fc.subarray(['rep', 'manager', 'viewer']) }),
    });

    fc.assert(
      fc.property(facts, ({ stage, event, fields, supplied, owner, actor }) => {
        const merged: FieldValues = { ...fields, ...supplied };
        const snapshot = compiled.machine.resolveState({ value: stage, context: { fields, owner } });
        const [next] = transition(compiled.machine, snapshot, { type: event, actor, supplied });
        const explained = compiled
          .explain({ stage, fields: merged, supplied, owner, actor })
          .find((candidate) => candidate.event === event);

        const xstateMoved = next.value !== stage;
        expect(xstateMoved).toBe(explained?.allowed ?? false);
        if (xstateMoved) expect(next.value).toBe(explained?.to);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compileBlueprint: step, the pure transition with one shared actor scope', () => {
  const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
  const decision = fc.record({
    stage: fc.constantFrom(...compiled.definition.stages.map((stage) => stage.id)),
    event: fc.constantFrom(...compiled.definition.transitions.map((candidate) => candidate.event), 'no_such_event'),
    fields: fc.record({
      amount: optional(fc.constantFrom(0, 10, 250_000)),
      closeDate: optional(fc.constant('2026-06-30')),
      budget: optional(fc.constant(5000)),
      decisionMaker: optional(fc.constant('Dana')),
      timeline: optional(fc.constant('2026-09-01')),
      proposalDocument: optional(fc.constant('proposal.pdf')),
    }),
    supplied: fc.record({ lossReason: optional(fc.constantFrom('price', 'timing')) }),
    owner: fc.constantFrom('ann', 'bob', null),
    actor: fc.record({ id: fc.constantFrom('ann', 'bob'), roles: fc.subarray(['rep', 'manager']) }),
  });

  it("given any sequence of decisions, when each is stepped, then each equals xstate's transition() with its own actions only", () => {
    fc.assert(
      fc.property(fc.array(decision, { minLength: 1, maxLength: 8 }), (decisions) => {
        for (const { stage, event, fields, supplied, owner, actor } of decisions) {
          const snapshot = compiled.machine.resolveState({ value: stage, context: { fields, owner } });
          const machineEvent = { type: event, actor, supplied };

          const [next, actions] = compiled.step(snapshot, machineEvent);
          const [expected, expectedActions] = transition(compiled.machine, snapshot, machineEvent);

          expect(next.value).toEqual(expected.value);
          expect(next.context).toBe(expected.context);
          expect(actions.map(({ type, params }) => ({ type, params }))).toEqual(expectedActions.map(({ type, params }) => ({ type, params })));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given a snapshot, when stepped twice, then it is left unchanged and both steps agree (pure)', () => {
    const snapshot = compiled.machine.resolveState({ value: 'needs_analysis', context: { fields: { proposalDocument: 'p.pdf' }, owner: 'ann' } });
    const event = { type: 'send_proposal', actor: ann, supplied: {} };

    const [first, firstActions] = compiled.step(snapshot, event);
    const [second, secondActions] = compiled.step(snapshot, event);

    expect(snapshot.value).toBe('needs_analysis');
    expect(first.value).toBe('proposal');
    expect(second.value).toBe('proposal');
    expect(secondActions).toHaveLength(firstActions.length);
    expect(firstActions.length).toBeGreaterThan(0);
  });
});

describe('compileBlueprint: definitions from elsewhere', () => {
  it('given a definition after a JSON round trip, when compiled, then it decides the same and pins the same ref', () => {
    const roundTripped = compileBlueprint(JSON.parse(JSON.stringify(compiled.definition)));

    expect(roundTripped.ref).toEqual(compiled.ref);
    expect(roundTripped.explain({ stage: 'proposal', fields: {}, owner: 'ann', actor: ann })).toEqual(
      compiled.explain({ stage: 'proposal', fields: {}, owner: 'ann', actor: ann }),
    );
  });

  it('given a definition whose CEL does not check, when compiled, then it is refused with the path', () => {
    const broken = {
      ...compiled.definition,
      transitions: compiled.definition.transitions.map((candidate) =>
        candidate.event === 'close_won'
          ? { ...candidate, criteria: { ...candidate.criteria, expressions: [{ expression: 'margin > 0', message: 'm' }] } }
          : candidate,
      ),
    };

    expect(() => compileBlueprint(broken)).toThrow(BlueprintException);
    expect(() => compileBlueprint(broken)).toThrow(
      'opportunity v1: transitions[2].criteria.expressions[0].expression: names unknown field "margin": Unknown variable: margin (at column 1)',
    );
  });

  it('given a stored definition with a field named after a CEL type, when compiled, then it is refused with the field instead of a plain Error', () => {
    const stored = { ...compiled.definition, fields: [...compiled.definition.fields, { name: 'int', type: 'number' as const, label: 'Int' }] };

    expect(() => compileBlueprint(stored)).toThrow(BlueprintException);
    expect(() => compileBlueprint(stored)).toThrow(/opportunity v1: fields\[14\]\.name: field name "int" cannot be used in CEL expressions \(.*'int' is already registered\)/);
  });
});

describe('compileBlueprint: fields named like what every object inherits', () => {
  const inherited = compileBlueprint(
    dealDefinition({
      fields: { toString: { type: 'string' }, valueOf: { type: 'number' } },
      transitions: [
        { event: 'negotiate', from: 'open', to: 'negotiating', requires: ['toString'] },
        { event: 'win', from: 'negotiating', to: 'won', when: ['valueOf > 0.0'] },
        { event: 'lose', from: 'any-open', to: 'lost', supply: ['lossReason'] },
      ],
    }),
  );

  it('given toString unset, when asked, then it is a missing required field, not the inherited function', () => {
    expect(inherited.unmetCriteria(inherited.definition.transitions[0], context({ stage: 'open' }))).toEqual([
      { event: 'negotiate', criterion: 'required_field', field: 'toString', message: 'To string is required' },
    ]);
  });

  it('given valueOf unset, when its expression is judged, then it has no value', () => {
    expect(inherited.unmetCriteria(inherited.definition.transitions[1], context({ stage: 'negotiating' }))).toEqual([
      { event: 'win', criterion: 'expression', expression: 'valueOf > 0.0', message: 'valueOf > 0.0 must hold (valueOf has no value)' },
    ]);
  });
});

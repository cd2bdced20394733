import { createMachine, initialTransition, transition } from 'xstate';
import { dealDefinition, opportunityDefinition } from '../__fixtures__/deal-blueprint';
import { toMermaid } from '../to-mermaid';
import { toXStateJson } from './to-xstate-json';

describe('toXStateJson', () => {
  it('given a blueprint, when exported, then it is plain JSON with a state per stage, guarded transitions named by their criteria and final stages', () => {
    const json = toXStateJson(dealDefinition());

    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toMatchObject({
      id: 'deal',
      initial: 'open',
      states: {
        open: {
          on: {
            negotiate: { target: 'negotiating', guard: { type: 'exitCriteria', params: { event: 'negotiate', criteria: ['requires amount'] } } },
            lose: { target: 'lost', guard: { type: 'exitCriteria', params: { criteria: ['supply lossReason'] } } },
          },
        },
        won: { type: 'final' },
      },
    });
  });

  it('given the exported JSON, when XState builds a machine from it with the guard provided, then it moves like the blueprint', () => {
    const machine = createMachine(JSON.parse(JSON.stringify(toXStateJson(opportunityDefinition())))).provide({ guards: { exitCriteria: () => true } });

    const [start] = initialTransition(machine);
    const [next] = transition(machine, start, { type: 'analyze_needs' });

    expect(start.value).toBe('qualification');
    expect(next.value).toBe('needs_analysis');
  });
});

describe('toMermaid with criteria', () => {
  it('given criteria and roles, when drawn with criteria, then each edge names them', () => {
    const definition = dealDefinition({ transitions: [{ event: 'negotiate', from: 'open', to: 'negotiating', requires: ['amount'], roles: ['manager'] }, { event: 'win', from: 'negotiating', to: 'won' }, { event: 'lose', from: 'any-open', to: 'lost' }] });

    const lines = toMermaid(definition, { criteria: true }).split('\n');

    expect(lines).toContain('  open --> negotiating: negotiate [requires amount, role manager]');
    expect(lines).toContain('  open --> lost: lose');
  });
});

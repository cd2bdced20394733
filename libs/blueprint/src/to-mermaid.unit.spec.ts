import { toMermaid } from './to-mermaid';
import { dealDefinition } from './__fixtures__/deal-blueprint';

describe('toMermaid', () => {
  it('given a blueprint, when drawn, then it is a state diagram with stages, transitions and end states', () => {
    expect(toMermaid(dealDefinition())).toBe(
      [
        'stateDiagram-v2',
        '  open: Open (10%, pipeline)',
        '  negotiating: Negotiating (60%, commit)',
        '  won: Won (100%, closed)',
        '  lost: Lost (0%, omitted)',
        '  [*] --> open',
        '  open --> negotiating: negotiate',
        '  negotiating --> won: win',
        '  open --> lost: lose',
        '  negotiating --> lost: lose',
        '  won --> [*]',
        '  lost --> [*]',
      ].join('\n'),
    );
  });

  it('given titles with characters Mermaid reads as syntax, when drawn, then they are softened', () => {
    const definition = dealDefinition({
      stages: { open: { title: 'Open: new; %% fresh', order: 1, probability: 10, forecastCategory: 'pipeline' } },
    });

    expect(toMermaid(definition).split('\n')[1]).toBe('  open: Open - new - % fresh (10%, pipeline)');
  });
});

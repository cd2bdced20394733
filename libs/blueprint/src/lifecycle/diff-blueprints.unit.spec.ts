import { DEAL_STAGES, DEAL_TRANSITIONS, dealDefinition } from '../__fixtures__/deal-blueprint';
import { diffBlueprints, formatBlueprintDiff } from './diff-blueprints';

describe('diffBlueprints', () => {
  const v1 = dealDefinition();

  it('given the same definition twice, when diffed, then nothing differs', () => {
    const diff = diffBlueprints(v1, dealDefinition());

    expect(diff.same).toBe(true);
    expect(formatBlueprintDiff(diff)).toBe('blueprint deal v1 -> v1: no differences');
  });

  it('given a v2 with a stage added, one removed, one changed, a new required field and a changed transition, when diffed, then each shows in its section', () => {
    const v2 = dealDefinition({
      top: { version: 2 },
      fields: { budget: { type: 'money' }, discount: undefined, lossReason: { type: 'enum', values: ['price', 'timing'] } },
      stages: { negotiating: { ...(DEAL_STAGES['negotiating'] as object), probability: 70 }, review: { order: 5, probability: 30, forecastCategory: 'pipeline' } },
      transitions: [
        { event: 'review', from: 'open', to: 'review' },
        { event: 'negotiate', from: ['open', 'review'], to: 'negotiating', requires: ['amount', 'budget'] },
        ...DEAL_TRANSITIONS.slice(1),
      ],
    });

    const diff = diffBlueprints(v1, v2);

    expect(diff.same).toBe(false);
    expect(diff.stages).toEqual({ added: ['review'], removed: [], changed: [{ id: 'negotiating', changes: [{ property: 'probability', from: 60, to: 70 }] }] });
    expect(diff.transitions.added).toEqual(['review']);
    expect(diff.transitions.changed).toEqual([
      { id: 'negotiate', changes: [{ property: 'from', from: ['open'], to: ['open', 'review'] }] },
      // `any-open` now includes the new stage.
      { id: 'lose', changes: [{ property: 'from', from: ['open', 'negotiating'], to: ['open', 'negotiating', 'review'] }] },
    ]);
    expect(diff.criteria).toEqual([{ event: 'negotiate', added: ['requires budget'], removed: [] }]);
    expect(diff.fields.added).toEqual(['budget']);
    expect(diff.fields.removed).toEqual(['discount']);
    expect(diff.fields.changed).toEqual([{ id: 'lossReason', changes: [{ property: 'values', from: ['price', 'timing', 'other'], to: ['price', 'timing'] }] }]);
    expect(formatBlueprintDiff(diff).split('\n')).toEqual([
      'blueprint deal v1 -> v2',
      'stages:',
      '  + review',
      '  ~ negotiating: probability 60 -> 70',
      'transitions:',
      '  + review',
      '  ~ negotiate: from ["open"] -> ["open","review"]',
      '  ~ lose: from ["open","negotiating"] -> ["open","negotiating","review"]',
      'criteria:',
      '  ~ negotiate: + requires budget',
      'fields:',
      '  + budget',
      '  - discount',
      '  ~ lossReason: values ["price","timing","other"] -> ["price","timing"]',
    ]);
  });

  it('given a removed stage and a criterion taken away, when diffed, then the stage is removed and the criterion listed as removed', () => {
    const v2 = dealDefinition({
      top: { version: 2 },
      transitions: [{ event: 'negotiate', from: 'open', to: 'won' }, { event: 'lose', from: 'any-open', to: 'lost', supply: ['lossReason'] }],
      stages: { negotiating: undefined, won: { order: 2, probability: 100, forecastCategory: 'closed', outcome: 'won' } },
    });

    const diff = diffBlueprints(v1, v2);

    expect(diff.stages.removed).toEqual(['negotiating']);
    expect(diff.transitions.removed).toEqual(['win']);
    expect(diff.criteria).toEqual([{ event: 'negotiate', added: [], removed: ['requires amount'] }]);
  });
});

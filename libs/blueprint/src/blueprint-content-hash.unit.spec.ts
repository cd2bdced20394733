import { blueprintContentHash, blueprintRef, canonicalJson } from './blueprint-content-hash';
import { parseBlueprint } from './parse-blueprint';
import { dealBlueprint, dealDefinition } from './__fixtures__/deal-blueprint';

const REORDERED_DEAL = `
transitions:
  - { to: negotiating, from: open, event: negotiate, requires: [amount] }
  - { when: ["amount > 0"], to: won, from: negotiating, event: win }
  - { supply: [lossReason], to: lost, from: any-open, event: lose }
stages:
  lost: { outcome: lost, forecastCategory: omitted, probability: 0, order: 4 }
  won: { outcome: won, forecastCategory: closed, probability: 100, order: 3 }
  negotiating: { forecastCategory: commit, probability: 60, order: 2 }
  open: { forecastCategory: pipeline, probability: 10, order: 1 }
fields:
  amount: { type: money }
  discount: { type: number }
  closeDate: { type: date }
  lossReason: { values: [price, timing, other], type: enum }
initialStage: open
kind: deal
version: 1
id: deal
`;

describe('blueprintContentHash', () => {
  it('given the same blueprint with keys in another order, when hashed, then the hash is the same', () => {
    const reordered = parseBlueprint(REORDERED_DEAL, 'deal.blueprint.yaml');

    expect(blueprintContentHash(reordered)).toBe(blueprintContentHash(dealDefinition()));
  });

  it('given a change of content, when hashed, then the hash changes', () => {
    const changed = dealDefinition({ stages: { open: { order: 1, probability: 15, forecastCategory: 'pipeline' } } });

    expect(blueprintContentHash(changed)).not.toBe(blueprintContentHash(dealDefinition()));
  });

  it('given a definition after a JSON round trip, when hashed, then the hash is the same', () => {
    const definition = dealDefinition();

    expect(blueprintContentHash(JSON.parse(JSON.stringify(definition)))).toBe(blueprintContentHash(definition));
  });

  it('given a definition, when hashed, then it is a sha256 hex digest and the ref pins id, version and hash', () => {
    const definition = dealDefinition();

    expect(blueprintContentHash(definition)).toMatch(/^[0-9a-f]{64}$/);
    expect(blueprintRef(definition)).toEqual({ id: 'deal', version: 1, contentHash: blueprintContentHash(definition) });
  });

  it('given objects, when made canonical, then keys are sorted, undefined is left out and lists keep their order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: undefined, c: 'x' } })).toBe('{"a":{"c":"x"},"b":[2,1]}');
  });

  it('given the YAML source itself changes only in comments, when hashed, then the hash is the same', () => {
    const commented = `# deal lifecycle\n${dealBlueprint()}`;

    expect(blueprintContentHash(parseBlueprint(commented, 'deal.blueprint.yaml'))).toBe(blueprintContentHash(dealDefinition()));
  });
});

import { parseBlueprint } from '@crm/blueprint';
import { dealBlueprint } from '../testing/deal-blueprint.fixture';
import { lostReasonFieldOf } from './blueprint-stages.table';

describe('the lost-reason field of a blueprint', () => {
  it('given a transition into a lost stage that must be supplied an enum, then that field is the lost reason', () => {
    expect(lostReasonFieldOf(dealBlueprint(1))).toBe('lossReason');
  });

  it('given no supplied enum but a disqualificationReason field, then that field is used; with neither, there is none', () => {
    const source = (fields: string) => `
id: lead
version: 1
kind: lead
title: Lead
currency: USD
initialStage: new
fields:
  name: { type: string }
${fields}
stages:
  new: { title: New, order: 1, probability: 0, forecastCategory: omitted }
  disqualified: { title: Disqualified, order: 2, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: disqualify, title: Disqualify, from: new, to: disqualified }
`;
    expect(lostReasonFieldOf(parseBlueprint(source('  disqualificationReason: { type: enum, values: [no_budget, other] }'), 'lead.yaml'))).toBe(
      'disqualificationReason',
    );
    expect(lostReasonFieldOf(parseBlueprint(source(''), 'lead.yaml'))).toBeNull();
  });
});

import { isGroupableField, type CompiledBlueprint, type FieldProblem } from '@crm/blueprint';
import { RecordScenario, type ScenarioOutcome } from '@crm/workflow/testing';
import { defaultBlueprint, errorCodeOf, eventTypes, rita } from './blueprint-spec.fixtures';

const problemsOf = (outcome: ScenarioOutcome): string[] => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.events.map((event) => event.type).join(', ')}`);
  return ((outcome.error.details['problems'] ?? []) as FieldProblem[]).map((problem) => problem.message);
};

const groupableFields = (blueprint: CompiledBlueprint): string[] =>
  blueprint.definition.fields.filter(isGroupableField).map((field) => field.name);

describe('default blueprints: field rules', () => {
  describe.each([
    ['opportunity', { name: 'Acme renewal' }],
    ['quote', {}],
  ])('%s discount', (kind, fields) => {
    const opened = (): RecordScenario => new RecordScenario(defaultBlueprint(kind), rita).given({ type: 'OpenRecord', fields });

    it('given an open record, when a discount of 15% is set, then it is stored', () => {
      expect(eventTypes(opened().when({ type: 'UpdateFields', fields: { discount: 0.15 } }))).toEqual(['FieldsChanged']);
    });

    it.each([1.5, -0.1])('given an open record, when a discount of %s is set, then it is refused naming field, rule and value', (discount) => {
      expect(problemsOf(opened().when({ type: 'UpdateFields', fields: { discount } }))).toEqual([`discount: expected number from 0 to 1, got ${discount}`]);
    });
  });

  it('given an opportunity, when an amount of 1e308 is set, then it is refused as money out of bounds', () => {
    const deal = new RecordScenario(defaultBlueprint('opportunity'), rita).given({ type: 'OpenRecord', fields: { name: 'Acme renewal' } });
    const outcome = deal.when({ type: 'UpdateFields', fields: { amount: 1e308 } });

    expect(errorCodeOf(outcome)).toBe('INVALID_FIELDS');
    expect(problemsOf(outcome)).toEqual(['amount: expected money within ±10000000000000 (1e15 minor units), got 1e+308']);
  });

  it.each([
    ['lead', ['industry', 'source', 'authority', 'opportunity', 'disqualificationReason']],
    ['opportunity', ['account', 'product', 'source', 'lossReason']],
    ['quote', ['opportunity', 'paymentTerms', 'language', 'rejectionReason']],
  ])('given the %s blueprint, when asked what reports may group by, then only categories: never names, free text, emails or phones', (kind, expected) => {
    expect(groupableFields(defaultBlueprint(kind))).toEqual(expected);
  });
});

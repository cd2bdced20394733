import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { ana, defaultBlueprint, errorCodeOf, eventTypes, rita, unmetOf } from './blueprint-spec.fixtures';

const lead = defaultBlueprint('lead');
const scenario = (): RecordScenario => new RecordScenario(lead, rita);

const open: ScenarioCommand = { type: 'OpenRecord', fields: { name: 'Lee Park', email: 'lee@example.com', source: 'web' } };
const contact: ScenarioCommand = { type: 'FireTransition', event: 'contact' };
const nurture: ScenarioCommand = { type: 'FireTransition', event: 'nurture' };
const reengage: ScenarioCommand = { type: 'FireTransition', event: 'reengage' };
const bant = { budget: 20_000, authority: 'decision_maker', need: 'Replace spreadsheets', timeline: '2026-09-01' };
const qualify: ScenarioCommand = { type: 'FireTransition', event: 'qualify', fields: bant };
const convert: ScenarioCommand = { type: 'FireTransition', event: 'convert', fields: { company: 'Initech' } };

describe('lead blueprint', () => {
  describe('happy path', () => {
    it('given a new lead, when contacted, nurtured, re-engaged, qualified and converted, then it ends converted', () => {
      const record = scenario();
      expect(eventTypes(record.when(open))).toEqual(['RecordOpened']);
      expect(record.current.stage).toBe('new');
      expect(eventTypes(record.when(contact))).toEqual(['Transitioned']);
      expect(eventTypes(record.when(nurture))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('nurturing');
      expect(eventTypes(record.when(reengage))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('contacted');
      expect(eventTypes(record.when(qualify))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened']);
      expect(eventTypes(record.when(convert))).toEqual(['FieldsChanged', 'Transitioned']);
      expect(record.current.stage).toBe('converted');
    });

    it('given an unowned lead in the pool, when opened, then it has no owner', () => {
      const record = scenario();
      record.when({ type: 'OpenRecord', owner: null });
      expect(record.current.owner).toBeNull();
    });
  });

  describe('guards', () => {
    it('when an analyst logs first contact, then the role rule is unmet', () => {
      const record = scenario().given(open);
      expect(unmetOf(record.when({ ...contact, actor: ana }))).toEqual(['role']);
    });

    it('when qualifying without BANT, then budget, authority, need and timeline are all unmet', () => {
      const record = scenario().given(open, contact);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'qualify' }))).toEqual([
        'required_field:budget',
        'required_field:authority',
        'required_field:need',
        'required_field:timeline',
        'expression',
      ]);
    });

    it('when qualifying with a zero budget, then the budget expression is unmet', () => {
      const record = scenario().given(open, contact);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'qualify', fields: { ...bant, budget: 0 } }))).toEqual([
        'expression',
      ]);
    });

    it('when qualifying straight from new, then the stage rule is unmet', () => {
      const record = scenario().given(open);
      expect(unmetOf(record.when(qualify))).toEqual(['stage']);
    });

    it('when converting without a company, then the company is unmet', () => {
      const record = scenario().given(open, contact, qualify);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'convert' }))).toEqual(['required_field:company']);
    });

    it('when disqualifying without a reason, then the reason must be supplied', () => {
      const record = scenario().given(open);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'disqualify' }))).toEqual([
        'supplied_field:disqualificationReason',
      ]);
    });

    it.each([
      ['new', [open]],
      ['contacted', [open, contact]],
      ['nurturing', [open, contact, nurture]],
      ['qualified', [open, contact, qualify]],
    ])('given a lead in %s, when disqualified with a reason, then it is disqualified', (_stage, history) => {
      const record = scenario().given(...history);
      const outcome = record.when({ type: 'FireTransition', event: 'disqualify', fields: { disqualificationReason: 'no_budget' } });
      expect(eventTypes(outcome)).toEqual(['FieldsChanged', 'Transitioned']);
      expect(record.current.stage).toBe('disqualified');
    });

    it('given a converted lead, when disqualified, then the stage rule is unmet', () => {
      const record = scenario().given(open, contact, qualify, convert);
      expect(
        unmetOf(record.when({ type: 'FireTransition', event: 'disqualify', fields: { disqualificationReason: 'other' } })),
      ).toEqual(['stage']);
    });

    it('when an email field gets a malformed address, then the value is invalid and names the field', () => {
      const record = scenario().given(open);
      const outcome = record.when({ type: 'UpdateFields', fields: { email: 'not-an-address' } });
      expect(errorCodeOf(outcome)).toBe('INVALID_FIELDS');
      expect(outcome.ok ? '' : outcome.error.message).toContain('email');
    });
  });
});

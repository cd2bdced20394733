import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { defaultBlueprint, eventTypes, max, rita, unmetOf } from './blueprint-spec.fixtures';

const quote = defaultBlueprint('quote');
const scenario = (): RecordScenario => new RecordScenario(quote, rita);

const open: ScenarioCommand = { type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 12_500, validUntil: '2026-04-30' } };
const submit: ScenarioCommand = { type: 'FireTransition', event: 'submit' };
const approve: ScenarioCommand = { type: 'FireTransition', event: 'approve', actor: max };
const sendBack: ScenarioCommand = { type: 'FireTransition', event: 'send_back', actor: max };
const send: ScenarioCommand = { type: 'FireTransition', event: 'send', fields: { customerEmail: 'buyer@initech.example' } };

describe('quote blueprint', () => {
  describe('happy path', () => {
    it('given a draft, when submitted, approved, sent and accepted, then it is accepted', () => {
      const record = scenario();
      expect(eventTypes(record.when(open))).toEqual(['RecordOpened']);
      expect(eventTypes(record.when(submit))).toEqual(['Transitioned']);
      expect(eventTypes(record.when(approve))).toEqual(['Transitioned']);
      expect(eventTypes(record.when(send))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened']);
      expect(eventTypes(record.when({ type: 'FireTransition', event: 'accept' }))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('accepted');
    });

    it('given a quote in review, when a manager sends it back, then it is a draft again', () => {
      const record = scenario().given(open, submit, sendBack);
      expect(record.current.stage).toBe('draft');
    });

    it('given a sent quote, when it expires, then it is expired', () => {
      const record = scenario().given(open, submit, approve, send, { type: 'FireTransition', event: 'expire' });
      expect(record.current.stage).toBe('expired');
    });
  });

  describe('guards', () => {
    it('when submitting an empty draft, then opportunity, total and validity are unmet', () => {
      const record = scenario().given({ type: 'OpenRecord' });
      expect(unmetOf(record.when(submit))).toEqual([
        'required_field:opportunity',
        'required_field:total',
        'required_field:validUntil',
        'expression',
      ]);
    });

    it('when submitting a zero total, then the total expression is unmet', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 0, validUntil: '2026-04-30' } });
      expect(unmetOf(record.when(submit))).toEqual(['expression']);
    });

    it('when a rep approves, then the role rule is unmet', () => {
      const record = scenario().given(open, submit);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'approve' }))).toEqual(['role']);
    });

    it('when a rep sends it back, then the role rule is unmet', () => {
      const record = scenario().given(open, submit);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'send_back' }))).toEqual(['role']);
    });

    it('when sending without a customer email, then the email is unmet', () => {
      const record = scenario().given(open, submit, approve);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'send' }))).toEqual(['required_field:customerEmail']);
    });

    it('when rejecting without a reason, then the reason must be supplied; with one, it is rejected', () => {
      const record = scenario().given(open, submit, approve, send);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'reject' }))).toEqual(['supplied_field:rejectionReason']);
      expect(eventTypes(record.when({ type: 'FireTransition', event: 'reject', fields: { rejectionReason: 'price' } }))).toEqual([
        'FieldsChanged',
        'Transitioned',
      ]);
    });

    it('when accepting a quote that was never sent, then the stage rule is unmet', () => {
      const record = scenario().given(open, submit, approve);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'accept' }))).toEqual(['stage']);
    });
  });
});

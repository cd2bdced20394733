import type { Actor } from '@crm/blueprint';
import { RecordScenario, type ScenarioCommand, type ScenarioStep } from '@crm/workflow/testing';
import { ada, defaultBlueprint, errorCodeOf, eventTypes, max, rita, unmetOf } from './blueprint-spec.fixtures';

const quote = defaultBlueprint('quote');
const scenario = (): RecordScenario => new RecordScenario(quote, rita);

const open: ScenarioCommand = { type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 12_500, validUntil: '2026-04-30' } };
const submit: ScenarioCommand = { type: 'FireTransition', event: 'submit' };
const approve: ScenarioCommand = { type: 'FireTransition', event: 'approve' };
const sendBack: ScenarioCommand = { type: 'FireTransition', event: 'send_back', actor: max };
const send: ScenarioCommand = { type: 'FireTransition', event: 'send', fields: { customerEmail: 'buyer@initech.example' } };
const accept = { type: 'FireTransition', event: 'accept', fields: { acceptanceEvidence: 'https://docs.example/initech-signed.pdf', acceptanceNote: 'Signed by Bill Lumbergh on 2026-03-04' } } as const;

describe('quote blueprint', () => {
  describe('happy path', () => {
    it('given a draft, when submitted, approved, sent and accepted, then it is accepted', () => {
      const record = scenario();
      expect(eventTypes(record.when(open))).toEqual(['RecordOpened']);
      expect(eventTypes(record.when(submit))).toEqual(['Transitioned']);
      // No discount: no approver is needed, the rep approves it.
      expect(eventTypes(record.when(approve))).toEqual(['Transitioned']);
      // Sent: a follow-up task, and the quote expires the day after it is valid until.
      expect(eventTypes(record.when(send))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened', 'TimerScheduled']);
      expect(record.current.timers).toEqual([expect.objectContaining({ timer: 'expire_quote', dueAt: '2026-05-01T00:00:00.000Z', action: { kind: 'fire', event: 'expire' } })]);
      expect(eventTypes(record.when(accept))).toEqual(['FieldsChanged', 'TaskCancelled', 'TimerCancelled', 'Transitioned']);
      expect(record.current.stage).toBe('accepted');
      expect(record.current.fields).toMatchObject(accept.fields);
    });

    it('given a sent quote, when a rep records its acceptance without evidence, then the supply rule names the evidence and the note, and it stays sent', () => {
      const record = scenario().given(open, submit, approve, send);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'accept' }))).toEqual(['supplied_field:acceptanceEvidence', 'supplied_field:acceptanceNote']);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'accept', fields: { acceptanceNote: 'said yes on the phone' } }))).toEqual(['supplied_field:acceptanceEvidence']);
      expect(record.current.stage).toBe('sent');
    });

    it('given a quote in review, when a manager sends it back, then it is a draft again', () => {
      const record = scenario().given(open, submit, sendBack);
      expect(record.current.stage).toBe('draft');
    });

    it('given a sent quote, when the day after validUntil begins, then the timer fires expire through the guards and it is expired', () => {
      const record = scenario().given(open, submit, approve, send);
      expect(record.at('2026-04-30T23:59:00.000Z').fireDueTimers()).toEqual([]);
      const [expiry] = record.at('2026-05-01T00:00:00.000Z').fireDueTimers();
      expect(eventTypes(expiry)).toEqual(['TimerFired', 'TaskCancelled', 'Transitioned']);
      expect(record.current.stage).toBe('expired');
    });

    it('given a sent quote, when validUntil moves while it waits, then the expiry follows the new date', () => {
      const record = scenario().given(open, submit, approve, send, { type: 'UpdateFields', fields: { validUntil: '2026-05-15' } });
      expect(record.current.timers).toEqual([expect.objectContaining({ timer: 'expire_quote', dueAt: '2026-05-16T00:00:00.000Z' })]);
      expect(record.at('2026-05-01T00:00:00.000Z').fireDueTimers()).toEqual([]);
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
        'TaskCancelled',
        'TimerCancelled',
        'Transitioned',
      ]);
    });

    it('when accepting a quote that was never sent, then the stage rule is unmet', () => {
      const record = scenario().given(open, submit, approve);
      expect(unmetOf(record.when(accept))).toEqual(['stage']);
    });
  });

  describe('discount approvals', () => {
    const discounted = (discount: number): RecordScenario =>
      scenario().given({ type: 'OpenRecord', fields: { opportunity: 'opp-1', total: 12_500, validUntil: '2026-04-30', discount } }, submit);
    const grant = (actor: Actor, comment?: string): ScenarioStep => (record) => ({ type: 'GrantApproval', approvalId: record.approvalId('approve'), actor, ...(comment === undefined ? {} : { comment }) });
    const reject = (actor: Actor, reason: string): ScenarioStep => (record) => ({ type: 'RejectApproval', approvalId: record.approvalId('approve'), actor, reason });

    it('given a 5% discount, when the rep approves, then no approver is needed', () => {
      const record = discounted(0.05);
      expect(eventTypes(record.when(approve))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('approved');
    });

    it('given a 25% discount, when the rep approves, then the manager and then an admin are asked, in that order, and the quote is approved when both granted', () => {
      const record = discounted(0.25);
      expect(eventTypes(record.when(approve))).toEqual(['ApprovalRequested']);
      expect(record.current.stage).toBe('in_review');
      expect(record.current.approvals[0]).toMatchObject({ status: 'pending', steps: [{ title: 'Sales manager', status: 'waiting' }, { title: 'Finance (admin)', status: 'waiting' }] });

      // The admin's turn has not come: the manager decides first.
      expect(errorCodeOf(record.when(grant(ada)))).toBe('FORBIDDEN');
      expect(eventTypes(record.when(grant(max, 'fine by me')))).toEqual(['ApprovalGranted']);
      expect(record.current.stage).toBe('in_review');
      expect(eventTypes(record.when(grant(ada)))).toEqual(['ApprovalGranted', 'Transitioned']);
      expect(record.current.stage).toBe('approved');
      expect(record.current.approvals[0]?.status).toBe('completed');
    });

    it('given a 12% discount, when the rep approves, then only the manager is asked', () => {
      const record = discounted(0.12);
      record.when(approve);
      expect(record.current.approvals[0]?.steps.map((step) => step.title)).toEqual(['Sales manager']);
      expect(eventTypes(record.when(grant(max)))).toEqual(['ApprovalGranted', 'Transitioned']);
    });

    it('given a pending approval, when the requester approves it herself, then it is forbidden', () => {
      const record = discounted(0.25).given(approve);
      const outcome = record.when(grant({ id: 'rita', roles: ['rep', 'manager'] }));
      expect(errorCodeOf(outcome)).toBe('FORBIDDEN');
      expect(outcome.ok ? null : outcome.error.details['rule']).toBe('approval.not-own-request');
    });

    it('given a pending approval, when it is fired again, then it is refused naming who it waits for', () => {
      const record = discounted(0.25).given(approve);
      const outcome = record.when(approve);
      expect(unmetOf(outcome)).toEqual(['approval']);
      expect(outcome.ok ? '' : outcome.error.message).toContain('waiting for approval by Sales manager');
    });

    it('given one grant, when the discount is edited, then the chain is invalidated and a new request starts from the first step', () => {
      const record = discounted(0.25).given(approve, grant(max));
      expect(eventTypes(record.when({ type: 'UpdateFields', fields: { discount: 0.22 } }))).toEqual(['FieldsChanged', 'ApprovalInvalidated']);
      expect(record.current.approvals[0]?.status).toBe('invalidated');
      expect(eventTypes(record.when(approve))).toEqual(['ApprovalRequested']);
      expect(record.current.approvals[1]?.steps.map((step) => step.status)).toEqual(['waiting', 'waiting']);
    });

    it('given a pending approval, when the manager rejects it, then the quote stays in review and the reason is kept', () => {
      const record = discounted(0.25).given(approve);
      expect(eventTypes(record.when(reject(max, 'Margin too thin')))).toEqual(['ApprovalRejected']);
      expect(record.current.stage).toBe('in_review');
      expect(record.current.approvals[0]).toMatchObject({ status: 'rejected', reason: 'Margin too thin' });
      // A new request can be made, e.g. after lowering the discount.
      expect(eventTypes(record.when(approve))).toEqual(['ApprovalRequested']);
    });

    it('given an approval the stage no longer needs, when the quote is sent back to draft, then the request ends with the stage', () => {
      const record = discounted(0.25).given(approve);
      expect(eventTypes(record.when(sendBack))).toEqual(['ApprovalInvalidated', 'Transitioned']);
      expect(record.current.approvals[0]?.status).toBe('invalidated');
    });
  });
});

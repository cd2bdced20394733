import type { Actor } from '@crm/blueprint';
import { RecordScenario, type ScenarioCommand, type ScenarioStep } from '@crm/workflow/testing';
import { ada, ana, defaultBlueprint, errorCodeOf, eventTypes, max, raj, rita, unmetOf } from './blueprint-spec.fixtures';

const opportunity = defaultBlueprint('opportunity');
const scenario = (): RecordScenario => new RecordScenario(opportunity, rita);

const open: ScenarioCommand = { type: 'OpenRecord', fields: { name: 'Acme renewal' } };
const analyzeNeeds: ScenarioCommand = {
  type: 'FireTransition',
  event: 'analyze_needs',
  fields: { budget: 50_000, decisionMaker: 'Dana CFO', timeline: '2026-06-30' },
};
const propose: ScenarioCommand = { type: 'FireTransition', event: 'propose', fields: { proposalDocument: 'doc-17' } };
const negotiate: ScenarioCommand = { type: 'FireTransition', event: 'negotiate', fields: { amount: 42_000 } };
const requestApproval: ScenarioCommand = { type: 'FireTransition', event: 'request_approval' };
const closeWon: ScenarioCommand = { type: 'FireTransition', event: 'close_won', fields: { closeDate: '2026-05-31' } };
const proposalSent: ScenarioStep = (deal) => ({ type: 'CompleteTask', taskId: deal.taskId('send_proposal') });
const grantedBy = (actor: Actor): ScenarioStep => (deal) => ({ type: 'GrantApproval', approvalId: deal.approvalId('close_won'), actor });
/** The deal up to contract approval, the proposal sent. */
const toContract: ScenarioStep[] = [open, analyzeNeeds, propose, proposalSent, negotiate, requestApproval];

describe('opportunity blueprint', () => {
  describe('happy path', () => {
    it('given a rep, when the deal walks every stage to closed won, then each step is accepted in order', () => {
      const deal = scenario();
      expect(eventTypes(deal.when(open))).toEqual(['RecordOpened']);
      expect(deal.current.stage).toBe('qualification');
      expect(eventTypes(deal.when(analyzeNeeds))).toEqual(['FieldsChanged', 'Transitioned']);
      expect(eventTypes(deal.when(propose))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened', 'TimerScheduled']);
      expect(eventTypes(deal.when(proposalSent))).toEqual(['TaskCompleted']);
      expect(eventTypes(deal.when(negotiate))).toEqual(['FieldsChanged', 'TimerCancelled', 'Transitioned', 'TimerScheduled']);
      expect(eventTypes(deal.when(requestApproval))).toEqual(['TimerCancelled', 'Transitioned']);
      // Contract approval: closing as won asks the sales manager first.
      expect(eventTypes(deal.when(closeWon))).toEqual(['FieldsChanged', 'ApprovalRequested']);
      expect(eventTypes(deal.when(grantedBy(max)))).toEqual(['ApprovalGranted', 'Transitioned']);
      expect(deal.current.stage).toBe('closed_won');
    });

    it('when the deal enters proposal, then a "send proposal" task opens for the owner, due in 3 days', () => {
      const deal = scenario().given(open, analyzeNeeds);
      const outcome = deal.when(propose);
      if (!outcome.ok) throw outcome.error;
      expect(outcome.events[2]).toEqual({
        type: 'TaskOpened',
        data: expect.objectContaining({
          template: 'send_proposal',
          stage: 'proposal',
          assignee: 'rita',
          dueAt: '2026-03-05T09:00:00.000Z',
        }),
      });
    });

    it('given a closed won deal, when a field is edited, then it is refused because the record is closed', () => {
      const deal = scenario().given(...toContract, closeWon, grantedBy(max));
      expect(errorCodeOf(deal.when({ type: 'UpdateFields', fields: { amount: 1 } }))).toBe('RECORD_CLOSED');
    });
  });

  describe('guards', () => {
    it('given an open deal, when needs analysis starts without budget, decision maker and timeline, then all three are unmet', () => {
      const deal = scenario().given(open);
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'analyze_needs' }))).toEqual([
        'required_field:budget',
        'required_field:decisionMaker',
        'required_field:timeline',
      ]);
    });

    it('when proposing without a proposal document, then the document is unmet', () => {
      const deal = scenario().given(open, analyzeNeeds);
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'propose' }))).toEqual(['required_field:proposalDocument']);
    });

    it('when negotiating with a zero amount, then the amount expression is unmet', () => {
      const deal = scenario().given(open, analyzeNeeds, propose, proposalSent);
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'negotiate', fields: { amount: 0 } }))).toEqual(['expression']);
    });

    it('when negotiating before the proposal was sent, then the task is unmet', () => {
      const deal = scenario().given(open, analyzeNeeds, propose);
      const outcome = deal.when(negotiate);
      expect(unmetOf(outcome)).toEqual(['task']);
      expect(outcome.ok ? '' : outcome.error.message).toContain('the task "Send the proposal to the customer" must be done first');
    });

    it('when someone other than the owner requests approval, then the owner rule is unmet', () => {
      const deal = scenario().given(open, analyzeNeeds, propose, proposalSent, negotiate);
      expect(unmetOf(deal.when({ ...requestApproval, actor: raj }))).toEqual(['owner']);
    });

    it('when an analyst closes the deal as won, then the role rule is unmet (and no approval is asked for); a manager may ask', () => {
      const deal = scenario().given(...toContract);
      expect(unmetOf(deal.when({ ...closeWon, actor: ana }))).toEqual(['role', 'approval']);
      expect(eventTypes(deal.when({ ...closeWon, actor: max }))).toEqual(['FieldsChanged', 'ApprovalRequested']);
    });

    it('when closing as won without a close date, then the close date is unmet', () => {
      const deal = scenario().given(...toContract);
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'close_won' }))).toEqual(['required_field:closeDate', 'approval']);
    });

    it('given a 25% discount, when closing as won, then the sales manager and the deal desk must both approve, in order', () => {
      const deal = scenario().given(...toContract, { type: 'UpdateFields', fields: { discount: 0.25 } }, closeWon);
      expect(deal.current.approvals[0]?.steps.map((step) => step.title)).toEqual(['Sales manager', 'Deal desk']);
      expect(eventTypes(deal.when(grantedBy(max)))).toEqual(['ApprovalGranted']);
      expect(eventTypes(deal.when(grantedBy(ada)))).toEqual(['ApprovalGranted', 'Transitioned']);
    });

    it('given a deal in proposal for 30 days, when the clock passes, then it is marked stalled; moving on clears it', () => {
      const deal = scenario().given(open, analyzeNeeds, propose);
      const [stalled] = deal.at('2026-04-01T09:00:00.000Z').fireDueTimers();
      expect(eventTypes(stalled)).toEqual(['TimerFired', 'RecordStalled']);
      expect(deal.current.stalledSince).toBe('2026-03-02T09:00:00.000Z');
      deal.given(proposalSent, negotiate);
      expect(deal.current.stalledSince).toBeNull();
    });

    it('when closing as lost without a loss reason, then the reason must be supplied', () => {
      const deal = scenario().given(open);
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'close_lost' }))).toEqual(['supplied_field:lossReason']);
    });

    it.each([
      ['qualification', [open]],
      ['needs_analysis', [open, analyzeNeeds]],
      ['proposal', [open, analyzeNeeds, propose]],
      ['negotiation', [open, analyzeNeeds, propose, proposalSent, negotiate]],
      ['contract_approval', toContract],
    ])('given a deal in %s, when closed as lost with a reason, then it is closed lost with nothing left open', (_stage, history: ScenarioStep[]) => {
      const deal = scenario().given(...history);
      const outcome = deal.when({ type: 'FireTransition', event: 'close_lost', fields: { lossReason: 'competitor' } });
      expect(eventTypes(outcome).filter((type) => type === 'FieldsChanged' || type === 'Transitioned')).toEqual(['FieldsChanged', 'Transitioned']);
      expect(deal.current.stage).toBe('closed_lost');
      expect(deal.current.timers).toEqual([]);
      expect(deal.current.tasks.filter((task) => task.status === 'open')).toEqual([]);
    });

    it('given a closed lost deal, when closed as lost again, then the stage rule is unmet', () => {
      const deal = scenario().given(open, { type: 'FireTransition', event: 'close_lost', fields: { lossReason: 'price' } });
      expect(unmetOf(deal.when({ type: 'FireTransition', event: 'close_lost', fields: { lossReason: 'price' } }))).toEqual([
        'stage',
      ]);
    });

    it('when a loss reason outside the list is supplied, then the field value is invalid', () => {
      const deal = scenario().given(open);
      expect(errorCodeOf(deal.when({ type: 'FireTransition', event: 'close_lost', fields: { lossReason: 'bored' } }))).toBe(
        'INVALID_FIELDS',
      );
    });

    it('when an event the blueprint does not know is fired, then it is named unknown', () => {
      const deal = scenario().given(open);
      expect(errorCodeOf(deal.when({ type: 'FireTransition', event: 'teleport' }))).toBe('UNKNOWN_EVENT');
    });
  });

  describe('exit criteria stay true after the gate', () => {
    it('given a deal in needs analysis, when its budget is cleared, then the change is refused naming the budget and the rule that required it', () => {
      const deal = scenario().given(open, analyzeNeeds);
      const outcome = deal.when({ type: 'UpdateFields', fields: { budget: null } });
      expect(errorCodeOf(outcome)).toBe('EXIT_CRITERIA_BROKEN');
      expect(unmetOf(outcome)).toEqual(['required_field:budget']);
      expect(deal.current.fields['budget']).toBe(50_000);
    });

    it('given a deal in proposal, when the budget is cleared with the next transition, then the transition is refused', () => {
      const deal = scenario().given(open, analyzeNeeds, propose, proposalSent);
      const outcome = deal.when({ ...negotiate, fields: { amount: 42_000, budget: null } });
      expect(errorCodeOf(outcome)).toBe('TRANSITION_REFUSED');
      expect(unmetOf(outcome)).toEqual(['required_field:budget']);
    });

    it('given a deal in negotiation, when the amount is made negative, then the kept expression refuses it', () => {
      const deal = scenario().given(open, analyzeNeeds, propose, proposalSent, negotiate);
      const outcome = deal.when({ type: 'UpdateFields', fields: { amount: -5 } });
      expect(errorCodeOf(outcome)).toBe('EXIT_CRITERIA_BROKEN');
      expect(unmetOf(outcome)).toEqual(['expression']);
    });

    it('given a deal still in qualification, when the amount is made negative, then nothing required it yet and the change is accepted', () => {
      const deal = scenario().given(open);
      expect(eventTypes(deal.when({ type: 'UpdateFields', fields: { amount: -5 } }))).toEqual(['FieldsChanged']);
    });

    it('given a deal in negotiation, when unrelated fields change, then it is accepted', () => {
      const deal = scenario().given(open, analyzeNeeds, propose, proposalSent, negotiate);
      expect(eventTypes(deal.when({ type: 'UpdateFields', fields: { notes: 'call Tuesday', amount: 45_000 } }))).toEqual(['FieldsChanged']);
    });
  });
});

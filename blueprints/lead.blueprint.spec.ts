import { isRecordEvent } from '@crm/workflow';
import { RecordScenario, type ScenarioCommand } from '@crm/workflow/testing';
import { ana, defaultBlueprint, errorCodeOf, eventTypes, raj, rita, unmetOf } from './blueprint-spec.fixtures';

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
      expect(eventTypes(record.when(open))).toEqual(['RecordOpened', 'TimerScheduled', 'TimerScheduled', 'TimerScheduled']);
      expect(record.current.stage).toBe('new');
      // Contacting the lead leaves `new`: its SLA timers are cancelled with it.
      expect(eventTypes(record.when(contact))).toEqual(['TimerCancelled', 'TimerCancelled', 'TimerCancelled', 'Transitioned']);
      expect(eventTypes(record.when(nurture))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('nurturing');
      expect(eventTypes(record.when(reengage))).toEqual(['Transitioned']);
      expect(record.current.stage).toBe('contacted');
      expect(eventTypes(record.when(qualify))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened']);
      // Converting closes the lead: the discovery call still open is cancelled.
      expect(eventTypes(record.when(convert))).toEqual(['FieldsChanged', 'TaskCancelled', 'Transitioned']);
      expect(record.current.stage).toBe('converted');
      expect(record.current.tasks.map((task) => task.status)).toEqual(['cancelled']);
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
      expect(eventTypes(outcome).filter((type) => type === 'FieldsChanged' || type === 'Transitioned')).toEqual(['FieldsChanged', 'Transitioned']);
      expect(record.current.stage).toBe('disqualified');
      expect(record.current.timers).toEqual([]);
      expect(record.current.tasks.filter((task) => task.status === 'open')).toEqual([]);
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

  describe('the lead SLA: no lead left behind (business hours: Monday to Friday, 09:00-17:00 UTC)', () => {
    // 2026-03-02 is a Monday; the lead arrives at 09:00 UTC.
    const arrived = (): RecordScenario => scenario().given(open);
    const firedActions = (record: RecordScenario): string[] =>
      record.fireDueTimers().flatMap((outcome) => (outcome.ok ? outcome.events.flatMap((event) => (isRecordEvent(event) && event.type === 'TimerFired' ? [event.data.timer] : [])) : []));

    it('given a new lead, when it arrives, then it is reminded after one business hour, escalated after four and released after two business days', () => {
      expect(arrived().current.timers.map((timer) => [timer.timer, timer.dueAt])).toEqual([
        ['remind_uncontacted', '2026-03-02T10:00:00.000Z'],
        ['escalate_uncontacted', '2026-03-02T13:00:00.000Z'],
        ['return_to_pool', '2026-03-04T09:00:00.000Z'],
      ]);
    });

    it('given an uncontacted lead, when the clock passes each due time, then each timer fires once, in due order', () => {
      const record = arrived();
      expect(firedActions(record.at('2026-03-02T09:59:00.000Z'))).toEqual([]);
      expect(firedActions(record.at('2026-03-02T10:00:00.000Z'))).toEqual(['remind_uncontacted']);
      expect(firedActions(record.at('2026-03-02T10:00:00.000Z'))).toEqual([]);
      expect(firedActions(record.at('2026-03-04T09:00:00.000Z'))).toEqual(['escalate_uncontacted', 'return_to_pool']);
      expect(record.current.owner).toBeNull();
    });

    it('given an uncontacted lead, when it is released, then the owner change says why and the lead is in the pool', () => {
      const record = arrived().at('2026-03-04T09:00:00.000Z');
      const outcomes = record.fireDueTimers();
      const released = outcomes.flatMap((outcome) => (outcome.ok ? outcome.events : [])).find((event) => event.type === 'OwnerChanged');
      expect(released?.data).toEqual({
        recordId: 'rec-1',
        from: 'rita',
        to: null,
        reason: 'Not contacted within two business days, so it went back to the lead pool',
      });
    });

    it('given a lead contacted in time, when the due times pass, then nothing fires', () => {
      const record = arrived().given(contact);
      expect(record.at('2026-03-10T09:00:00.000Z').fireDueTimers()).toEqual([]);
    });

    it('given a released lead, when a rep claims it from the pool, then the SLA starts again for him', () => {
      const record = arrived().at('2026-03-04T09:00:00.000Z');
      record.fireDueTimers();
      record.at('2026-03-04T11:30:00.000Z').given({ type: 'Reassign', owner: 'raj', actor: raj });
      expect(record.current.timers.map((timer) => [timer.timer, timer.dueAt])).toEqual([
        ['remind_uncontacted', '2026-03-04T12:30:00.000Z'],
        ['escalate_uncontacted', '2026-03-04T15:30:00.000Z'],
        ['return_to_pool', '2026-03-06T11:30:00.000Z'],
      ]);
    });

    it('given a lead arriving on a Friday afternoon, then the reminder waits for Monday morning', () => {
      const record = new RecordScenario(lead, rita, new Date('2026-03-06T16:30:00.000Z')).given(open);
      expect(record.current.timers[0]).toMatchObject({ timer: 'remind_uncontacted', dueAt: '2026-03-09T09:30:00.000Z' });
    });
  });
});

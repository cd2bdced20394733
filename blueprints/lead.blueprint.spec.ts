import { isRecordEvent, recordScore } from '@crm/workflow';
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
const withCompany: ScenarioCommand = { type: 'UpdateFields', fields: { company: 'Initech' } };
// What the conversion saga sends to the lead (README, "Conversion"): its commit point, then the converting transition.
const startConversion: ScenarioCommand = {
  type: 'StartConversion',
  conversionId: 'conv-1',
  event: 'convert',
  records: [{ as: 'opportunity', kind: 'opportunity', recordId: 'opp-1', found: false, owner: 'rita', fields: { name: 'Initech' } }],
  link: { opportunity: 'opp-1' },
};
const convert: ScenarioCommand = { type: 'FireTransition', event: 'convert', conversionId: 'conv-1', fields: { opportunity: 'opp-1' } };

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
      // BANT names the decision maker: an attribute the score follows.
      expect(eventTypes(record.when(qualify))).toEqual(['FieldsChanged', 'Transitioned', 'TaskOpened', 'ScoreChanged']);
      expect(eventTypes(record.when(withCompany))).toEqual(['FieldsChanged']);
      expect(eventTypes(record.when(startConversion))).toEqual(['ConversionStarted']);
      // Converting closes the lead: the discovery call still open is cancelled.
      expect(eventTypes(record.when(convert))).toEqual(['FieldsChanged', 'TaskCancelled', 'Transitioned', 'ConversionCompleted']);
      expect(record.current.stage).toBe('converted');
      expect(record.current.fields['opportunity']).toBe('opp-1');
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

    it('given a qualified lead with its company, when converted without the conversion, then CONVERSION_REQUIRED: converting opens the opportunity it links', () => {
      const record = scenario().given(open, contact, qualify, withCompany);
      expect(errorCodeOf(record.when({ type: 'FireTransition', event: 'convert' }))).toBe('CONVERSION_REQUIRED');
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
      const record = scenario().given(open, contact, qualify, withCompany, startConversion, convert);
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

  describe('scoring: marketing qualified (MQL) at 50 points, sales qualified (SQL) at 80', () => {
    const senior = { jobTitle: 'VP Engineering', industry: 'software', employees: 4_000 };
    const activity = (type: string): ScenarioCommand => ({ type: 'RecordActivity', activity: type });
    const scoreChange = (outcome: ReturnType<RecordScenario['when']>) => {
      if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}`);
      return outcome.events.find((event) => event.type === 'ScoreChanged')?.data;
    };

    it('given a VP at an enterprise software company, when the lead is opened, then each attribute rule scores and the MQL threshold is crossed', () => {
      expect(scoreChange(scenario().when({ type: 'OpenRecord', fields: { ...open.fields, ...senior } }))).toMatchObject({
        reason: 'fields',
        changes: [
          { rule: 'target_industry', kind: 'attribute', points: 15 },
          { rule: 'enterprise', kind: 'attribute', points: 20 },
          { rule: 'senior_title', kind: 'attribute', points: 15 },
        ],
        score: 50,
        crossed: [{ threshold: 'mql', at: 50, fire: 'mark_mql' }],
      });
    });

    it.each([
      ['Head of Sales', 15],
      ['Chief Revenue Officer', 15],
      ['CTO', 15],
      ['Sales coordinator', 0],
      ['Director of IT', 15],
    ])('given the job title %s, when scored, then the senior title rule gives %i points', (jobTitle, points) => {
      const record = scenario().given({ type: 'OpenRecord', fields: { jobTitle } });
      expect(recordScore.read(record.current).score).toBe(points);
    });

    it('given a lead that requests a demo and visits pricing twice, then behaviour points add up and a fifth of them fades each week', () => {
      const record = scenario().given(open, activity('demo_requested'), activity('pricing_page_visited'), activity('pricing_page_visited'));
      expect(recordScore.read(record.current).score).toBe(50);

      // The lead SLA's timers fall due in that week too; only the decay changes the score.
      const decayed = record.at('2026-03-09T09:00:00.000Z').fireDueTimers().map(scoreChange).filter((data) => data !== undefined);
      expect(decayed).toMatchObject([{ reason: 'decay', changes: [{ rule: 'demo_requested', points: -6 }, { rule: 'pricing_page_visited', points: -4 }], score: 40 }]);
    });

    it('given a scored lead without an email, when marked MQL, then the email is unmet', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { name: 'Lee Park' } });
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'mark_mql' }))).toEqual(['required_field:email']);
    });

    it.each([
      ['new', [open]],
      ['contacted', [open, contact]],
      ['nurturing', [open, contact, nurture]],
    ])('given a lead in %s, when marked MQL, then it is marketing qualified and the SLA of new is over', (_stage, history) => {
      const record = scenario().given(...history, { type: 'FireTransition', event: 'mark_mql' });
      expect(record.current.stage).toBe('marketing_qualified');
      expect(record.current.timers.map((timer) => timer.timer)).toEqual(['remind_mql_follow_up']);
    });

    it('given an MQL, when marked SQL without a company, then the company is unmet; with one, it is sales qualified with a call to make', () => {
      const record = scenario().given(open, { type: 'FireTransition', event: 'mark_mql' });
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'mark_sql' }))).toEqual(['required_field:company']);

      expect(eventTypes(record.when({ type: 'FireTransition', event: 'mark_sql', fields: { company: 'Initech' } }))).toEqual([
        'FieldsChanged',
        'TimerCancelled',
        'Transitioned',
        'TaskOpened',
      ]);
      expect(record.current.stage).toBe('sales_qualified');
      expect(record.current.tasks.map((task) => [task.template, task.status])).toEqual([['call_sales_qualified', 'open']]);
    });

    it.each([
      ['marketing_qualified', [open, { type: 'FireTransition', event: 'mark_mql' }]],
      ['sales_qualified', [open, { type: 'FireTransition', event: 'mark_mql' }, { type: 'FireTransition', event: 'mark_sql', fields: { company: 'Initech' } }]],
    ] as [string, ScenarioCommand[]][])('given a lead in %s, when the rep qualifies it with BANT, then it is qualified', (_stage, history) => {
      const record = scenario().given(...history, qualify);
      expect(record.current.stage).toBe('qualified');
    });

    it('given an MQL sales is not ready for, when sent back to nurturing and re-engaged, then it is contacted again', () => {
      const record = scenario().given(open, { type: 'FireTransition', event: 'mark_mql' }, nurture, reengage);
      expect(record.current.stage).toBe('contacted');
    });

    it('given a qualified lead, when marked MQL (a threshold crossed late), then the stage rule is unmet', () => {
      const record = scenario().given(open, contact, qualify);
      expect(unmetOf(record.when({ type: 'FireTransition', event: 'mark_mql' }))).toEqual(['stage']);
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
        // rita is in no team in this specification: the lead goes to everyone's pool.
        team: null,
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

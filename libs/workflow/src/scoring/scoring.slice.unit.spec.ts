import type { Actor } from '@crm/blueprint';
import { compileBlueprint } from '@crm/blueprint';
import { scoredLeadBlueprint } from '../__fixtures__/scored-lead/scored-lead.blueprint';
import { supportTicketBlueprint } from '../__fixtures__/support-ticket/support-ticket.blueprint';
import { RecordScenario, type ScenarioCommand, type ScenarioOutcome } from '../testing/record-scenario';
import type { RecordCommandBase } from '../record/record-command';
import { commandProblems } from '../record/validate-command';
import { recordScore } from './record-score.part';

const rita: Actor = { id: 'rita', roles: ['rep'] };
// 2026-03-02 is a Monday; the scenario starts at 09:00 UTC.
const MONDAY = '2026-03-02T09:00:00.000Z';

const scenario = (): RecordScenario => new RecordScenario(scoredLeadBlueprint(), rita, new Date(MONDAY));
const activity = (type: string, extra: Partial<Record<'occurredAt', string>> & { details?: Record<string, string | number | boolean> } = {}): ScenarioCommand => ({
  type: 'RecordActivity',
  activity: type,
  ...extra,
});

const eventsOf = (outcome: ScenarioOutcome) => {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.events;
};
const typesOf = (outcome: ScenarioOutcome): string[] => eventsOf(outcome).map((event) => event.type);
const dataOf = (outcome: ScenarioOutcome, type: string): Record<string, unknown> | undefined => eventsOf(outcome).find((event) => event.type === type)?.data;
const refusalOf = (outcome: ScenarioOutcome) => {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.events.map((event) => event.type).join(', ')}`);
  return outcome.error;
};

describe('scoring slice', () => {
  describe('attribute rules follow the fields', () => {
    it('given fields that match attribute rules, when the lead is opened, then a ScoreChanged names each rule and its points', () => {
      const record = scenario();
      const opened = record.when({ type: 'OpenRecord', fields: { industry: 'software', employees: 5000 } });

      expect(typesOf(opened)).toEqual(['RecordOpened', 'ScoreChanged']);
      expect(dataOf(opened, 'ScoreChanged')).toEqual({
        recordId: 'rec-1',
        reason: 'fields',
        activityId: null,
        changes: [
          { rule: 'target_industry', kind: 'attribute', points: 15 },
          { rule: 'enterprise', kind: 'attribute', points: 20 },
        ],
        previous: 0,
        score: 35,
        crossed: [],
      });
      expect(recordScore.read(record.current)).toMatchObject({ score: 35, lastActivityAt: null });
    });

    it('given a scored industry, when it changes to one no rule names, then the points are taken back with the rule', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { industry: 'software' } });
      const changed = record.when({ type: 'UpdateFields', fields: { industry: 'retail' } });

      expect(typesOf(changed)).toEqual(['FieldsChanged', 'ScoreChanged']);
      expect(dataOf(changed, 'ScoreChanged')).toMatchObject({ reason: 'fields', changes: [{ rule: 'target_industry', kind: 'attribute', points: -15 }], previous: 15, score: 0 });
    });

    it('given a change no attribute rule reads, when saved, then no ScoreChanged is stored', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { industry: 'software' } });

      expect(typesOf(record.when({ type: 'UpdateFields', fields: { company: 'Initech' } }))).toEqual(['FieldsChanged']);
    });

    it('given fields supplied with a transition, when it fires, then the score follows them after the move', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { email: 'lee@example.com' } });
      const moved = record.when({ type: 'FireTransition', event: 'mark_mql', fields: { employees: 2000 } });

      expect(typesOf(moved)).toEqual(['FieldsChanged', 'Transitioned', 'ScoreChanged']);
      expect(recordScore.read(record.current).score).toBe(20);
    });
  });

  describe('activities', () => {
    it('given an open lead, when an activity is recorded, then ActivityRecorded, ScoreChanged naming the rule, and the weekly decay timer are stored', () => {
      const record = scenario().given({ type: 'OpenRecord' });
      const recorded = record.when(activity('demo_requested', { details: { campaign: 'spring', pages: 3 } }));

      expect(typesOf(recorded)).toEqual(['ActivityRecorded', 'ScoreChanged', 'TimerScheduled']);
      const activityId = dataOf(recorded, 'ActivityRecorded')?.['activityId'];
      expect(dataOf(recorded, 'ActivityRecorded')).toEqual({
        recordId: 'rec-1',
        activityId,
        activity: 'demo_requested',
        occurredAt: MONDAY,
        details: { campaign: 'spring', pages: 3 },
      });
      expect(dataOf(recorded, 'ScoreChanged')).toEqual({
        recordId: 'rec-1',
        reason: 'activity',
        activityId,
        changes: [{ rule: 'demo_requested', kind: 'behaviour', points: 30 }],
        previous: 0,
        score: 30,
        crossed: [],
      });
      expect(dataOf(recorded, 'TimerScheduled')).toMatchObject({ timer: 'score_decay', stage: 'new', dueAt: '2026-03-09T09:00:00.000Z', action: { kind: 'decay' } });
      expect(recordScore.read(record.current)).toEqual({
        score: 30,
        breakdown: [{ rule: 'demo_requested', kind: 'behaviour', points: 30 }],
        lastActivityAt: MONDAY,
      });
    });

    it('given a decay timer pending, when another activity is recorded, then no second timer is set', () => {
      const record = scenario().given({ type: 'OpenRecord' }, activity('email_opened'));

      expect(typesOf(record.when(activity('email_opened')))).toEqual(['ActivityRecorded', 'ScoreChanged']);
      expect(record.current.timers.map((timer) => timer.timer)).toEqual(['score_decay']);
    });

    it('given a capped rule at its cap, when its activity comes again, then only the activity is stored', () => {
      const record = scenario().given({ type: 'OpenRecord' }, activity('email_opened'), activity('email_opened'), activity('email_opened'));

      expect(typesOf(record.when(activity('email_opened')))).toEqual(['ActivityRecorded']);
      expect(recordScore.read(record.current).score).toBe(10);
    });

    it('given a score that jumps over both thresholds, when the activity is recorded, then ScoreChanged names both, the lower first', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { industry: 'software', employees: 5000 } });
      const recorded = record.when(activity('demo_requested'));

      expect(dataOf(recorded, 'ScoreChanged')).toMatchObject({
        previous: 35,
        score: 65,
        crossed: [{ threshold: 'mql', at: 40, fire: 'mark_mql' }],
      });
      expect(dataOf(record.when(activity('demo_requested')), 'ScoreChanged')).toMatchObject({ previous: 65, score: 95, crossed: [{ threshold: 'sql', at: 80, fire: 'mark_sql' }] });
    });

    it('given a transition away from the stage, when it fires, then the decay timer stays (it follows the record, not the stage)', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { email: 'lee@example.com' } }, activity('demo_requested'));
      record.given({ type: 'FireTransition', event: 'mark_mql' });

      expect(record.current.timers.map((timer) => timer.timer)).toEqual(['score_decay']);
    });
  });

  describe('weekly decay', () => {
    it('given behaviour points, when each week passes, then a ScoreChanged (reason decay) halves them until nothing is left, and the timer stops', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { industry: 'software' } }, activity('demo_requested'));

      const weeks = ['2026-03-09T09:00:00.000Z', '2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-04-06T09:00:00.000Z'].map((moment) =>
        record
          .at(moment)
          .fireDueTimers()
          .flatMap((outcome) => eventsOf(outcome))
          .map((event) => (event.type === 'ScoreChanged' ? `${event.type}:${String((event.data as Record<string, unknown>)['score'])}` : event.type)),
      );

      expect(weeks).toEqual([
        ['TimerFired', 'ScoreChanged:30', 'TimerScheduled'],
        ['TimerFired', 'ScoreChanged:22', 'TimerScheduled'],
        ['TimerFired', 'ScoreChanged:18', 'TimerScheduled'],
        ['TimerFired', 'ScoreChanged:16', 'TimerScheduled'],
        ['TimerFired', 'ScoreChanged:15'],
      ]);
      expect(recordScore.read(record.current).breakdown).toEqual([{ rule: 'target_industry', kind: 'attribute', points: 15 }]);
      expect(record.current.timers).toEqual([]);
    });

    it('given the clock three weeks on, when due timers fire, then each week decays once, from its own due time', () => {
      const record = scenario().given({ type: 'OpenRecord' }, activity('demo_requested'));
      const fired = record.at('2026-03-23T10:00:00.000Z').fireDueTimers();

      expect(fired.map((outcome) => dataOf(outcome, 'ScoreChanged'))).toMatchObject([{ reason: 'decay', score: 15 }, { score: 7 }, { score: 3 }]);
      expect(record.current.timers.map((timer) => timer.dueAt)).toEqual(['2026-03-30T09:00:00.000Z']);
    });

    it('given a negative rule, when it decays, then the score rises as its points fade toward zero', () => {
      const record = scenario().given({ type: 'OpenRecord', fields: { industry: 'software', employees: 5000 } }, activity('unsubscribed'));
      const decayed = record.at('2026-03-09T09:00:00.000Z').fireDueTimers();

      expect(dataOf(decayed[0], 'ScoreChanged')).toMatchObject({ reason: 'decay', previous: 15, score: 25, crossed: [] });
      const next = record.at('2026-03-16T09:00:00.000Z').fireDueTimers();
      expect(dataOf(next[0], 'ScoreChanged')).toMatchObject({ previous: 25, score: 30 });
    });

    it('given a lead converted with a decay timer pending, when the timer comes due, then it fires and decays nothing', () => {
      const record = scenario().given(
        { type: 'OpenRecord', fields: { email: 'lee@example.com', company: 'Initech' } },
        activity('demo_requested'),
        { type: 'FireTransition', event: 'mark_mql' },
        { type: 'FireTransition', event: 'mark_sql' },
        { type: 'FireTransition', event: 'convert' },
      );

      expect(record.at('2026-03-09T09:00:00.000Z').fireDueTimers().map(typesOf)).toEqual([['TimerFired']]);
      expect(recordScore.read(record.current).score).toBe(30);
    });
  });

  describe('refusals', () => {
    it('given an activity type the blueprint does not score, when recorded, then UNKNOWN_ACTIVITY lists the known ones and nothing is stored', () => {
      const record = scenario().given({ type: 'OpenRecord' });
      const error = refusalOf(record.when(activity('webinar_attended')));

      expect(error.code).toBe('UNKNOWN_ACTIVITY');
      expect(error.message).toBe('lead blueprint scores no activity "webinar_attended"; known: demo_requested, email_opened, unsubscribed');
      expect(error.details).toEqual({ activity: 'webinar_attended', available: ['demo_requested', 'email_opened', 'unsubscribed'] });
      expect(record.current.revision).toBe(0);
    });

    it('given a kind whose blueprint has no scoring, when an activity is recorded, then UNKNOWN_ACTIVITY says it scores none', () => {
      const record = new RecordScenario(compileBlueprint(supportTicketBlueprint()), rita).given({ type: 'OpenRecord' });

      expect(refusalOf(record.when(activity('email_opened')))).toMatchObject({ code: 'UNKNOWN_ACTIVITY', details: { available: [] } });
    });

    it('given an activity dated after now, when recorded, then INVALID_COMMAND names occurredAt', () => {
      const record = scenario().given({ type: 'OpenRecord' });
      const error = refusalOf(record.when(activity('demo_requested', { occurredAt: '2026-03-02T10:00:00.000Z' })));

      expect(error.code).toBe('INVALID_COMMAND');
      expect(error.details).toEqual({ problems: ['occurredAt: 2026-03-02T10:00:00.000Z is in the future (now is 2026-03-02T09:00:00.000Z; up to 5 minutes of clock difference are allowed)'] });
    });

    it('given a converted lead, when an activity is recorded, then RECORD_CLOSED', () => {
      const record = scenario().given(
        { type: 'OpenRecord', fields: { email: 'lee@example.com', company: 'Initech' } },
        { type: 'FireTransition', event: 'mark_mql' },
        { type: 'FireTransition', event: 'mark_sql' },
        { type: 'FireTransition', event: 'convert' },
      );

      expect(refusalOf(record.when(activity('demo_requested'))).code).toBe('RECORD_CLOSED');
    });

    it('given malformed activities, when validated, then the command problems name every field', () => {
      const problems = commandProblems({
        type: 'RecordActivity',
        kind: 'lead',
        recordId: 'rec-1',
        commandId: 'cmd-1',
        actor: rita,
        activity: 'Demo Requested',
        occurredAt: '2026-03-02 09:00',
        details: { 'a b': 'x', nested: { deep: true }, long: 'x'.repeat(2_001) },
      } as RecordCommandBase);

      expect(problems).toEqual([
        'activity: expected an activity type, a lower-case identifier (a-z, 0-9, _; starting with a letter)',
        'occurredAt: expected an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00Z',
        'details["a b"]: expected a key of letters, digits and _ (starting with a letter), at most 64 characters',
        'details.nested: expected text of at most 2000 characters, a number or true/false',
        'details.long: expected text of at most 2000 characters, a number or true/false',
      ]);
    });
  });
});

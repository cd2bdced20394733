import { ManualClock } from '@crm/clock';
import { present } from '@crm/event-store/contract';
import { REACTOR_COMMAND_REFUSED, reactorStream } from '@crm/reactor-runtime';
import { fireTimerCommandId, LEAD_SCORING_REACTOR, TIMER_ACTOR } from '@crm/workflow';
import { ApiHarness, type ApiResponse } from './api-harness';

/**
 * Lead scoring over HTTP (README, Blueprint reference, "Scoring"; API, "Activities"): activities posted
 * to a lead score it with the shipped lead blueprint's rules, ScoreChanged names the rules, and the
 * lead-scoring reactor fires mark_mql and mark_sql through the guards when the score crosses 50 and 80.
 */

interface StoredEventBody {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

interface ScoreBody {
  readonly score: number;
  readonly attributes: number;
  readonly behaviour: number;
  readonly breakdown: readonly { rule: string; kind: string; title: string; points: number }[];
  readonly thresholds: readonly { id: string; at: number; fire: string; reached: boolean }[];
  readonly lastActivityAt: string | null;
}

interface RecordBody {
  readonly id: string;
  readonly stage: string;
  readonly revision: number;
  readonly score?: ScoreBody;
  readonly timers: readonly { timerId: string; timer: string; dueAt: string; action: { kind: string } }[];
}

interface WriteBody {
  readonly record: RecordBody;
  readonly events: readonly StoredEventBody[];
}

interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

// 2026-03-02 is a Monday.
const MONDAY = '2026-03-02T09:00:00.000Z';
const A_WEEK_LATER = '2026-03-09T09:00:00.000Z';

describe('lead scoring over HTTP', () => {
  let clock: ManualClock;
  let harness: ApiHarness;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY);
    harness = await ApiHarness.start({ clock });
  });

  afterEach(async () => {
    await harness.stop();
  });

  const openLead = async (fields: Record<string, unknown>): Promise<string> => {
    const opened = await harness.request<WriteBody>('rita', 'POST', '/records/lead', { fields });
    expect(opened.status).toBe(201);
    return opened.body.record.id;
  };
  const postActivity = (id: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<WriteBody>> =>
    harness.request<WriteBody>('rita', 'POST', `/records/lead/${id}/activities`, body, headers);
  const recordOf = async (id: string): Promise<RecordBody> => (await harness.request<RecordBody>('rita', 'GET', `/records/lead/${id}`)).body;
  const historyOf = async (id: string): Promise<StoredEventBody[]> =>
    (await harness.request<{ events: StoredEventBody[] }>('rita', 'GET', `/records/lead/${id}/history`)).body.events;
  const refusalsOfTheReactor = async () =>
    (await harness.api.engine.store.readStream(reactorStream(LEAD_SCORING_REACTOR))).filter((event) => event.type === REACTOR_COMMAND_REFUSED);

  it('given a lead at a target software company, when a demo is requested, then ScoreChanged names the rule and the reactor makes the lead MQL as itself', async () => {
    const id = await openLead({ name: 'Lee Park', email: 'lee@example.com', industry: 'software', employees: 4000 });
    expect((await recordOf(id)).score).toMatchObject({ score: 35, attributes: 35, behaviour: 0 });

    const recorded = await postActivity(id, { type: 'demo_requested', details: { campaign: 'spring-webinar' } });

    expect(recorded.status).toBe(201);
    expect(recorded.body.events.map((event) => event.type)).toEqual(['ActivityRecorded', 'ScoreChanged', 'TimerScheduled']);
    expect(recorded.body.events[0]?.data).toMatchObject({ activity: 'demo_requested', occurredAt: MONDAY, details: { campaign: 'spring-webinar' } });
    expect(recorded.body.events[1]?.data).toMatchObject({
      reason: 'activity',
      changes: [{ rule: 'demo_requested', kind: 'behaviour', points: 30 }],
      previous: 35,
      score: 65,
      crossed: [{ threshold: 'mql', at: 50, fire: 'mark_mql' }],
    });
    expect(recorded.body.record.score?.breakdown.map(({ rule, points }) => [rule, points])).toEqual([
      ['target_industry', 15],
      ['enterprise', 20],
      ['demo_requested', 30],
    ]);

    await harness.api.scoring.runReactors();

    const lead = await recordOf(id);
    expect(lead.stage).toBe('marketing_qualified');
    const moved = (await historyOf(id)).find((event) => event.type === 'Transitioned');
    expect(moved?.data).toMatchObject({ event: 'mark_mql', from: 'new', to: 'marketing_qualified', reason: 'score 65 crossed mql (50)' });
    expect(moved?.metadata).toMatchObject({ actor: 'system:reactor:lead-scoring', origin: { via: 'reactor' } });

    // Run again (a restart, a second process): the crossing was acted on once.
    await harness.api.scoring.runReactors();
    expect((await historyOf(id)).filter((event) => event.type === 'Transitioned')).toHaveLength(1);
  });

  it('given an MQL without a company, when the score crosses SQL, then the guards refuse mark_sql, the refusal is recorded and the lead stays MQL', async () => {
    const id = await openLead({ name: 'Lee Park', email: 'lee@example.com', industry: 'software', employees: 4000 });
    await postActivity(id, { type: 'demo_requested' });
    await harness.api.scoring.runReactors();
    const before = (await recordOf(id)).revision;

    const first = await postActivity(id, { type: 'pricing_page_visited' });
    const second = await postActivity(id, { type: 'pricing_page_visited' });
    expect(first.body.events[1]?.data).toMatchObject({ score: 75, crossed: [] });
    expect(second.body.events[1]?.data).toMatchObject({ score: 85, crossed: [{ threshold: 'sql', at: 80, fire: 'mark_sql' }] });
    await harness.api.scoring.runReactors();

    const lead = await recordOf(id);
    expect(lead.stage).toBe('marketing_qualified');
    // Only the two activities were stored (ActivityRecorded and ScoreChanged each): the refused move stored nothing.
    expect(lead.revision).toBe(before + 4);
    const refusals = await refusalsOfTheReactor();
    expect(refusals.map((event) => [event.data['code'], event.data['sourceStream'], event.data['intent']])).toEqual([
      ['TRANSITION_REFUSED', `lead-${id}`, `FireTransition lead-${id} mark_sql (score 85 crossed sql at 80)`],
    ]);
    expect(String(refusals[0]?.data['message'])).toContain('Company');
  });

  it('given an activity type the blueprint does not score, when posted, then 400 UNKNOWN_ACTIVITY names it and lists the known ones, and nothing is stored', async () => {
    const id = await openLead({ name: 'Lee Park', email: 'lee@example.com' });
    const before = await historyOf(id);

    const refused = await postActivity(id, { type: 'podcast_listened' });

    expect(refused.status).toBe(400);
    const body = refused.body as unknown as ErrorBody;
    expect(body.error).toBe('UNKNOWN_ACTIVITY');
    expect(body.message).toContain('"podcast_listened"');
    expect(body.details).toEqual({
      activity: 'podcast_listened',
      available: ['email_opened', 'email_clicked', 'pricing_page_visited', 'webinar_attended', 'demo_requested', 'unsubscribed'],
    });
    expect(await historyOf(id)).toEqual(before);
  });

  it.each([
    ['a type that is no activity name', { type: 'Demo Requested!' }, 'type'],
    ['an occurredAt without an offset', { type: 'demo_requested', occurredAt: '2026-03-02 09:00' }, 'occurredAt'],
    ['details that are not short values', { type: 'demo_requested', details: { nested: { deep: true } } }, 'details'],
    ['a property the request does not have', { type: 'demo_requested', points: 100 }, 'points'],
  ])('given %s, when posted, then 400 names the field and nothing is stored', async (_case, request, field) => {
    const id = await openLead({ name: 'Lee Park' });
    const before = await historyOf(id);

    const refused = await postActivity(id, request);

    expect(refused.status).toBe(400);
    const body = refused.body as unknown as ErrorBody;
    expect(body.error).toBe('VALIDATION_FAILED');
    expect((body.details['invalid'] as { field: string }[]).map((invalid) => invalid.field)).toContain(field);
    expect(await historyOf(id)).toEqual(before);
  });

  it('given an activity posted twice with one Idempotency-Key, when retried, then it is scored once and the first answer comes back', async () => {
    const id = await openLead({ name: 'Lee Park' });

    const first = await postActivity(id, { type: 'email_opened' }, { 'idempotency-key': 'mail-open-42' });
    const retried = await postActivity(id, { type: 'email_opened' }, { 'idempotency-key': 'mail-open-42' });

    expect(retried.status).toBe(first.status);
    expect(retried.body.events).toEqual(first.body.events);
    expect((await recordOf(id)).score).toMatchObject({ score: 2, breakdown: [{ rule: 'email_opened', points: 2 }] });
  });

  it('given a lead unknown to the user, when an activity is posted, then 404 and nothing is stored', async () => {
    expect((await postActivity('0190f5a0-0000-7000-8000-000000000000', { type: 'email_opened' })).status).toBe(404);
  });

  it('given behaviour points, when the clock moves a week and the decay timer fires as system:timer, then a fifth of them fades (ScoreChanged, reason decay)', async () => {
    const id = await openLead({ name: 'Lee Park', industry: 'software' });
    const recorded = await postActivity(id, { type: 'demo_requested' });
    const decay = recorded.body.record.timers.find((timer) => timer.action.kind === 'decay');
    expect(decay?.dueAt).toBe(A_WEEK_LATER);
    const { timerId } = present(decay, 'the decay timer');

    clock.set(A_WEEK_LATER);
    // What the timer scheduler sends for a due timer (the same command, actor and derived id).
    await harness.api.engine.commands.execute({
      type: 'FireTimer',
      kind: 'lead',
      recordId: id,
      timerId,
      commandId: fireTimerCommandId(timerId),
      actor: TIMER_ACTOR,
    });

    const decayed = (await historyOf(id)).filter((event) => event.type === 'ScoreChanged').at(-1);
    expect(decayed?.data).toMatchObject({ reason: 'decay', changes: [{ rule: 'demo_requested', kind: 'behaviour', points: -6 }], previous: 45, score: 39 });
    const lead = await recordOf(id);
    expect(lead.score).toMatchObject({ score: 39, attributes: 15, behaviour: 24 });
    expect(lead.timers.find((timer) => timer.action.kind === 'decay')?.dueAt).toBe('2026-03-16T09:00:00.000Z');
  });
});

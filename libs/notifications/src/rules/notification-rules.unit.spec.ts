import type { JsonObject, StoredEvent } from '@crm/event-store';
import { DEMO_USERS, UserDirectory, type User } from '@crm/identity';
import { notificationsFor, type NotificationPlan } from './notification-rules';
import { recordFactsOf } from './record-facts';

const users = new UserDirectory(DEMO_USERS);

/** A record's stream written event by event, as the store would give it back. */
class RecordStream {
  readonly events: StoredEvent[] = [];

  constructor(readonly stream: string) {}

  add(type: string, data: JsonObject, metadata: JsonObject = { actor: 'rita', commandId: `command-${this.events.length}` }): StoredEvent {
    const revision = this.events.length;
    const event: StoredEvent = {
      id: `${this.stream}-event-${revision}`,
      type,
      stream: this.stream,
      revision,
      position: { commit: BigInt(revision), prepare: BigInt(revision) },
      data: { recordId: this.stream.slice(this.stream.indexOf('-') + 1), ...data },
      metadata,
      occurredAt: '2026-03-02T13:00:00.000Z',
      recordedAt: '2026-03-02T13:00:00.000Z',
    };
    this.events.push(event);
    return event;
  }

  /** What the notifications reactor computes for the last event added, from the stream up to it. */
  planFor(event: StoredEvent, directory: UserDirectory = users): NotificationPlan[] {
    return notificationsFor(event, recordFactsOf(this.stream, this.events.slice(0, event.revision + 1)), directory);
  }
}

const opened = (stream: RecordStream, owner: string | null, fields: JsonObject = { name: 'Globex platform deal' }, actor = owner ?? 'ada') =>
  stream.add('RecordOpened', { kind: stream.stream.split('-')[0], stage: 'qualification', owner, fields, blueprint: { id: 'x', version: 2, contentHash: 'h' } }, {
    actor,
    commandId: 'open',
  });

const timerFired = (stream: RecordStream, action: string, owner: string | null, message: string | null) =>
  stream.add(
    'TimerFired',
    { timerId: 't-1', timer: `${action}_uncontacted`, stage: 'new', action: { kind: action }, outcome: 'done', unmet: [], message, owner },
    { actor: 'system:timer', commandId: 'fire-t-1' },
  );

const recipients = (plans: readonly NotificationPlan[]) => plans.map((plan) => `${plan.user}:${plan.kind}`);

describe('who is told what: the notification rules', () => {
  it('given a reminder timer fired on rita’s lead, when planned, then rita is reminded with the timer’s message', () => {
    const lead = new RecordStream('lead-lee');
    opened(lead, 'rita', { name: 'Lee Industries' });

    const plans = lead.planFor(timerFired(lead, 'remind', 'rita', 'This new lead has not been contacted for a business hour'));

    expect(plans).toEqual([
      { user: 'rita', kind: 'reminder', title: 'Reminder: Lee Industries (lead lee)', body: 'This new lead has not been contacted for a business hour' },
    ]);
  });

  it('given an escalation timer fired on rita’s lead, when planned, then max, the manager of rita’s team (east), is told, not mia of west', () => {
    const lead = new RecordStream('lead-lee');
    opened(lead, 'rita', { name: 'Lee Industries' });

    const plans = lead.planFor(timerFired(lead, 'escalate', 'rita', 'Not contacted for four business hours'));

    expect(plans).toEqual([
      { user: 'max', kind: 'escalation', title: 'Escalation: Lee Industries (lead lee)', body: 'Not contacted for four business hours (owner: rita)' },
    ]);
  });

  it('given an escalation for an owner whose team has no manager, when planned, then the admins are told, so it is never lost', () => {
    const lead = new RecordStream('lead-lee');
    opened(lead, 'ana', {});

    expect(recipients(lead.planFor(timerFired(lead, 'escalate', 'ana', null)))).toEqual(['ada:escalation']);
  });

  it('given a timer that releases or marks stalled, when planned, then nobody is told by the timer itself', () => {
    const lead = new RecordStream('lead-lee');
    opened(lead, 'rita');

    expect(lead.planFor(timerFired(lead, 'release', 'rita', 'back to the pool'))).toEqual([]);
    expect(lead.planFor(timerFired(lead, 'stalled', 'rita', null))).toEqual([]);
  });

  it('given a deal found stalled, when planned, then its owner is told since when and in which stage', () => {
    const deal = new RecordStream('opportunity-globex-1');
    opened(deal, 'raj');

    const plans = deal.planFor(deal.add('RecordStalled', { stage: 'proposal', since: '2026-02-01T10:00:00.000Z' }, { actor: 'system:timer', commandId: 'fire-2' }));

    expect(plans).toEqual([
      { user: 'raj', kind: 'record_stalled', title: 'Stalled: Globex platform deal (opportunity globex-1)', body: 'No move in stage proposal since 2026-02-01T10:00:00.000Z' },
    ]);
  });

  it('given rita asks for a sequential approval (manager, then admin), when planned, then the first step’s approvers who may read the deal are asked: max, not mia', () => {
    const quote = new RecordStream('quote-q1');
    opened(quote, 'rita', { name: 'Globex quote' });

    const plans = quote.planFor(
      quote.add('ApprovalRequested', {
        approvalId: 'a-1',
        event: 'approve',
        requestedBy: { id: 'rita', roles: ['rep'] },
        mode: 'sequential',
        steps: [{ title: 'Sales manager', role: 'manager' }, { title: 'Finance', role: 'admin' }],
        watches: ['discount'],
      }),
    );

    expect(plans).toEqual([
      { user: 'max', kind: 'approval_requested', title: 'Approval requested: approve on Globex quote (quote q1)', body: 'rita asks you to approve as Sales manager' },
    ]);
  });

  it('given an approval of all steps with a named user, when planned, then every step’s approvers are asked, the requester never', () => {
    const quote = new RecordStream('quote-q1');
    opened(quote, 'max', {});

    const plans = quote.planFor(
      quote.add(
        'ApprovalRequested',
        {
          approvalId: 'a-1',
          event: 'approve',
          requestedBy: { id: 'max', roles: ['manager'] },
          mode: 'all',
          steps: [{ title: 'Sales manager', role: 'manager' }, { title: 'Olga', user: 'olga' }],
          watches: [],
        },
        { actor: 'max', commandId: 'ask' },
      ),
    );

    expect(recipients(plans)).toEqual(['olga:approval_requested']);
  });

  it('given the first step of a sequential chain granted, when planned, then the requester hears of it and the next step’s approvers are asked', () => {
    const quote = new RecordStream('quote-q1');
    opened(quote, 'rita', { name: 'Globex quote' });
    quote.add('ApprovalRequested', {
      approvalId: 'a-1',
      event: 'approve',
      requestedBy: { id: 'rita', roles: ['rep'] },
      mode: 'sequential',
      steps: [{ title: 'Sales manager', role: 'manager' }, { title: 'Finance', role: 'admin' }],
      watches: [],
    });

    const plans = quote.planFor(quote.add('ApprovalGranted', { approvalId: 'a-1', step: 0, by: 'max', comment: 'Strategic account' }, { actor: 'max', commandId: 'grant' }));

    expect(plans).toEqual([
      { user: 'rita', kind: 'approval_granted', title: 'Approved: Sales manager for approve on Globex quote (quote q1)', body: 'max granted: Strategic account' },
      { user: 'ada', kind: 'approval_requested', title: 'Approval requested: approve on Globex quote (quote q1)', body: 'rita asks you to approve as Finance' },
    ]);
  });

  it('given the last step granted, when planned, then only the requester hears of it', () => {
    const quote = new RecordStream('quote-q1');
    opened(quote, 'rita', {});
    quote.add('ApprovalRequested', {
      approvalId: 'a-1',
      event: 'approve',
      requestedBy: { id: 'rita', roles: ['rep'] },
      mode: 'sequential',
      steps: [{ title: 'Sales manager', role: 'manager' }],
      watches: [],
    });

    const plans = quote.planFor(quote.add('ApprovalGranted', { approvalId: 'a-1', step: 0, by: 'max', comment: null }, { actor: 'max', commandId: 'grant' }));

    expect(plans).toEqual([{ user: 'rita', kind: 'approval_granted', title: 'Approved: Sales manager for approve on quote q1', body: 'max granted' }]);
  });

  it('given a step rejected, when planned, then the requester is told why', () => {
    const quote = new RecordStream('quote-q1');
    opened(quote, 'rita', {});
    quote.add('ApprovalRequested', {
      approvalId: 'a-1',
      event: 'approve',
      requestedBy: { id: 'rita', roles: ['rep'] },
      mode: 'sequential',
      steps: [{ title: 'Sales manager', role: 'manager' }],
      watches: [],
    });

    const plans = quote.planFor(quote.add('ApprovalRejected', { approvalId: 'a-1', step: 0, by: 'max', reason: 'Too deep a discount' }, { actor: 'max', commandId: 'reject' }));

    expect(plans).toEqual([{ user: 'rita', kind: 'approval_rejected', title: 'Rejected: Sales manager for approve on quote q1', body: 'max: Too deep a discount' }]);
  });

  it('given a task opened for its assignee by someone else, when planned, then the assignee is told; a task one opens for oneself tells nobody', () => {
    const deal = new RecordStream('opportunity-globex-1');
    opened(deal, 'rita', {});
    const task = { taskId: 'task-1', template: 'resolve_close', title: 'Resolve: close', stage: 'proposal', dueAt: '2026-03-05T09:00:00.000Z' };

    const byTimer = deal.planFor(deal.add('TaskOpened', { ...task, assignee: 'rita' }, { actor: 'system:timer', commandId: 'fire' }));
    const byOwner = deal.planFor(deal.add('TaskOpened', { ...task, taskId: 'task-2', assignee: 'rita' }, { actor: 'rita', commandId: 'propose' }));

    expect(byTimer).toEqual([{ user: 'rita', kind: 'task_assigned', title: 'Task: Resolve: close', body: 'On opportunity globex-1, due 2026-03-05T09:00:00.000Z' }]);
    expect(byOwner).toEqual([]);
  });

  it('given a record reassigned by a manager, when planned, then the new owner is told once: the tasks that follow the owner in the same command tell nothing more', () => {
    const deal = new RecordStream('opportunity-globex-1');
    opened(deal, 'rita', {});
    deal.add('TaskOpened', { taskId: 'task-1', template: 'send_proposal', title: 'Send the proposal', stage: 'proposal', assignee: 'rita', dueAt: null });
    const reassign = { actor: 'max', commandId: 'reassign' };

    const owner = deal.planFor(deal.add('OwnerChanged', { from: 'rita', to: 'raj' }, reassign));
    const followed = deal.planFor(deal.add('TaskReassigned', { taskId: 'task-1', from: 'rita', to: 'raj' }, reassign));

    expect(owner).toEqual([{ user: 'raj', kind: 'owner_changed', title: 'Assigned to you: opportunity globex-1', body: 'max assigned it to you (it was rita’s)' }]);
    expect(followed).toEqual([]);
  });

  it('given a task reassigned on its own, when planned, then its new assignee is told', () => {
    const deal = new RecordStream('opportunity-globex-1');
    opened(deal, 'rita', {});
    deal.add('TaskOpened', { taskId: 'task-1', template: 'send_proposal', title: 'Send the proposal', stage: 'proposal', assignee: 'rita', dueAt: null });

    const plans = deal.planFor(deal.add('TaskReassigned', { taskId: 'task-1', from: 'rita', to: 'raj' }, { actor: 'mia', commandId: 'task' }));

    expect(plans).toEqual([{ user: 'raj', kind: 'task_assigned', title: 'Task: Send the proposal', body: 'On opportunity globex-1' }]);
  });

  it('given a lead claimed from the pool by the rep themselves, or released to the pool, when planned, then nobody is told', () => {
    const lead = new RecordStream('lead-pool-1');
    opened(lead, null, {}, 'ada');

    expect(lead.planFor(lead.add('OwnerChanged', { from: null, to: 'rita' }, { actor: 'rita', commandId: 'claim' }))).toEqual([]);
    expect(lead.planFor(lead.add('OwnerChanged', { from: 'rita', to: null, reason: 'SLA' }, { actor: 'system:timer', commandId: 'release' }))).toEqual([]);
  });

  it('given a record opened by an admin for rita, when planned, then rita is told it is hers, with the reason none', () => {
    const deal = new RecordStream('opportunity-globex-1');

    expect(deal.planFor(opened(deal, 'rita', {}, 'ada'))).toEqual([
      { user: 'rita', kind: 'owner_changed', title: 'Assigned to you: opportunity globex-1', body: 'ada assigned it to you' },
    ]);
  });

  it('given imported history, when planned, then nobody is told: it happened elsewhere, before', () => {
    const deal = new RecordStream('opportunity-globex-1');
    const imported = deal.add('RecordOpened', { kind: 'opportunity', stage: 'qualification', owner: 'rita', fields: {} }, { actor: 'ada', commandId: 'import', imported: true });

    expect(deal.planFor(imported)).toEqual([]);
  });

  it('given an owner not in the users file, when a reminder is planned, then nobody is told (nobody could read it)', () => {
    const lead = new RecordStream('lead-lee');
    opened(lead, 'ghost', {}, 'ada');
    const onlyKnown = new UserDirectory(DEMO_USERS.filter((user: User) => user.id !== 'ghost'));

    expect(lead.planFor(timerFired(lead, 'remind', 'ghost', null), onlyKnown)).toEqual([]);
  });
});

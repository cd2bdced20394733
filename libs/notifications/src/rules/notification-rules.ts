import type { StoredEvent } from '@crm/event-store';
import { authorizeRecordAction, type UserDirectory } from '@crm/identity';
import type { NotificationKind } from '../inbox/notification.events';
import { labelOf, type ApprovalFacts, type ApprovalStepFacts, type RecordFacts } from './record-facts';

/** One person told one thing; the reactor turns it into a `NotificationQueued` in their inbox. */
export interface NotificationPlan {
  readonly user: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
}

/** The record event types a notification may come from. */
export const NOTIFYING_EVENT_TYPES = [
  'TimerFired',
  'RecordStalled',
  'ApprovalRequested',
  'ApprovalGranted',
  'ApprovalRejected',
  'TaskOpened',
  'TaskReassigned',
  'OwnerChanged',
  'RecordOpened',
] as const;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const actorOf = (event: StoredEvent): string | null => text(event.metadata['actor']);

/** History brought in from another system happened elsewhere, before: nobody is told of it now. */
export const isImported = (event: StoredEvent): boolean => event.metadata['imported'] === true;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Users of the file only: nobody else could open their inbox. */
const known = (users: UserDirectory, ids: readonly (string | null)[]): string[] =>
  [...new Set(ids.filter((id): id is string => id !== null && users.get(id) !== undefined))].sort(byId);

const admins = (users: UserDirectory): string[] => known(users, users.all().filter((user) => user.roles.includes('admin')).map((user) => user.id));

/**
 * The managers of the owner's team (README, Users, roles and rules); the admins when the owner has no
 * team or the team no manager, so an escalation always reaches someone who may act.
 */
const managersOf = (users: UserDirectory, owner: string | null): string[] => {
  const team = users.teamOf(owner);
  const managers = team === null ? [] : users.all().filter((user) => user.team === team && user.roles.includes('manager')).map((user) => user.id);
  return managers.length > 0 ? known(users, managers) : admins(users);
};

/** The steps that may be decided now: the first waiting one of a sequence, every waiting one otherwise. */
const actionable = (approval: ApprovalFacts): ApprovalStepFacts[] => {
  if (approval.steps.some((step) => step.status === 'rejected')) return [];
  if (approval.mode === 'any' && approval.steps.some((step) => step.status === 'granted')) return [];
  const waiting = approval.steps.filter((step) => step.status === 'waiting');
  return approval.mode === 'sequential' ? waiting.slice(0, 1) : waiting;
};

/**
 * Who may decide a step: the named user, or each holder of its role who may read the record (a manager
 * only for their team's records); never the requester, who may not approve their own request (README,
 * Blueprint reference, approval chains).
 */
const approversOf = (users: UserDirectory, facts: RecordFacts, step: ApprovalStepFacts, requester: string): string[] => {
  const record = { kind: facts.kind, owner: facts.owner };
  const candidates =
    step.user !== undefined
      ? [step.user]
      : users
          .all()
          .filter((user) => step.role !== undefined && (user.roles as readonly string[]).includes(step.role))
          .filter((user) => authorizeRecordAction(user, 'approve', record, users) === null)
          .map((user) => user.id);
  return known(users, candidates.filter((id) => id !== requester));
};

const approvalRequests = (users: UserDirectory, facts: RecordFacts, approval: ApprovalFacts): NotificationPlan[] => {
  const stepsByUser = new Map<string, string[]>();
  for (const step of actionable(approval)) {
    for (const user of approversOf(users, facts, step, approval.requestedBy)) stepsByUser.set(user, [...(stepsByUser.get(user) ?? []), step.title]);
  }
  return [...stepsByUser.keys()].sort(byId).map((user) => ({
    user,
    kind: 'approval_requested',
    title: `Approval requested: ${approval.event} on ${labelOf(facts)}`,
    body: `${approval.requestedBy} asks you to approve as ${(stepsByUser.get(user) ?? []).join(' and ')}`,
  }));
};

const toEach = (users: readonly string[], kind: NotificationKind, title: string, body: string): NotificationPlan[] => users.map((user) => ({ user, kind, title, body }));

const timerPlans = (event: StoredEvent, facts: RecordFacts, users: UserDirectory): NotificationPlan[] => {
  const action = text((event.data['action'] as { kind?: unknown } | null)?.kind);
  const owner = text(event.data['owner']);
  const message = text(event.data['message']) ?? `The ${String(event.data['timer'])} timer of stage ${String(event.data['stage'])} is due`;
  if (action === 'remind') return toEach(known(users, [owner]), 'reminder', `Reminder: ${labelOf(facts)}`, message);
  if (action === 'escalate') return toEach(managersOf(users, owner), 'escalation', `Escalation: ${labelOf(facts)}`, `${message} (owner: ${owner ?? 'nobody'})`);
  return [];
};

const decisionPlans = (event: StoredEvent, facts: RecordFacts, users: UserDirectory): NotificationPlan[] => {
  const approval = facts.approvals.get(String(event.data['approvalId']));
  if (approval === undefined) return [];
  const step = approval.steps[Number(event.data['step'])];
  const by = String(event.data['by']);
  const what = `${step?.title ?? 'A step'} for ${approval.event} on ${labelOf(facts)}`;
  const requester = known(users, [approval.requestedBy === by ? null : approval.requestedBy]);
  if (event.type === 'ApprovalRejected') return toEach(requester, 'approval_rejected', `Rejected: ${what}`, `${by}: ${String(event.data['reason'])}`);
  const comment = text(event.data['comment']);
  const granted = toEach(requester, 'approval_granted', `Approved: ${what}`, comment === null ? `${by} granted` : `${by} granted: ${comment}`);
  // All and any chains asked every approver at once; a sequence asks the next step once this one is granted.
  return approval.mode === 'sequential' ? [...granted, ...approvalRequests(users, facts, approval)] : granted;
};

const assignedTo = (to: string | null, actor: string | null, users: UserDirectory): string[] => (to === actor ? [] : known(users, [to]));

const ownerPlans = (event: StoredEvent, facts: RecordFacts, users: UserDirectory): NotificationPlan[] => {
  const actor = actorOf(event) ?? 'someone';
  const from = event.type === 'OwnerChanged' ? text(event.data['from']) : null;
  const reason = text(event.data['reason']);
  const body = `${actor} assigned it to you${from === null ? '' : ` (it was ${from}’s)`}${reason === null ? '' : `: ${reason}`}`;
  return toEach(assignedTo(text(event.data[event.type === 'OwnerChanged' ? 'to' : 'owner']), actorOf(event), users), 'owner_changed', `Assigned to you: ${labelOf(facts)}`, body);
};

const taskPlans = (event: StoredEvent, facts: RecordFacts, users: UserDirectory): NotificationPlan[] => {
  const taskId = String(event.data['taskId']);
  const assignee = text(event.data[event.type === 'TaskOpened' ? 'assignee' : 'to']);
  // Tasks follow a new owner in the command that changed the owner: that change already told them.
  const followsOwner = event.type === 'TaskReassigned' && facts.lastOwnerChange?.commandId === text(event.metadata['commandId']) && facts.lastOwnerChange?.to === assignee;
  if (followsOwner) return [];
  const title = event.type === 'TaskOpened' ? String(event.data['title']) : (facts.tasks.get(taskId) ?? taskId);
  const dueAt = text(event.data['dueAt']);
  return toEach(assignedTo(assignee, actorOf(event), users), 'task_assigned', `Task: ${title}`, `On ${labelOf(facts)}${dueAt === null ? '' : `, due ${dueAt}`}`);
};

/**
 * Who is told what about one record event (README, Notifications and webhooks), from the record's facts
 * as of that event and the users file: pure, so the same event always plans the same notifications
 * while the users file says the same.
 */
export const notificationsFor = (event: StoredEvent, facts: RecordFacts, users: UserDirectory): NotificationPlan[] => {
  if (isImported(event)) return [];
  switch (event.type) {
    case 'TimerFired':
      return timerPlans(event, facts, users);
    case 'RecordStalled':
      return toEach(known(users, [facts.owner]), 'record_stalled', `Stalled: ${labelOf(facts)}`, `No move in stage ${String(event.data['stage'])} since ${String(event.data['since'])}`);
    case 'ApprovalRequested': {
      const approval = facts.approvals.get(String(event.data['approvalId']));
      return approval === undefined ? [] : approvalRequests(users, facts, approval);
    }
    case 'ApprovalGranted':
    case 'ApprovalRejected':
      return decisionPlans(event, facts, users);
    case 'TaskOpened':
    case 'TaskReassigned':
      return taskPlans(event, facts, users);
    case 'OwnerChanged':
    case 'RecordOpened':
      return ownerPlans(event, facts, users);
    default:
      return [];
  }
};

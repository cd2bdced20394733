import type { HistoryEntry } from '../api/api-types';

/** What became of one step of an approval request, as the record's events tell it. */
export interface ApprovalStepFact {
  readonly title: string;
  readonly decision: 'granted' | 'rejected' | 'none';
  readonly by: string | null;
  readonly note: string | null;
  readonly at: string | null;
}

/** One approval request of the record and what its events say happened to it. */
export interface ApprovalRequestFacts {
  readonly approvalId: string;
  readonly event: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly steps: readonly ApprovalStepFact[];
  /** Why the request stopped counting (a watched field changed, the stage was left); null while it counts. */
  readonly invalidated: { readonly reason: string; readonly fields: readonly string[]; readonly at: string } | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const actorOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return '?';
};

/**
 * Every approval request in the history, oldest first, with the decisions given on each step and an
 * invalidation when there was one. These are the events as stored, not a judgement of the chain: the
 * record's `approvals` (the API's view) says what is still in play.
 */
export const approvalRequestsOf = (history: readonly HistoryEntry[]): ApprovalRequestFacts[] => {
  const requests = new Map<string, { event: string; requestedBy: string; requestedAt: string; steps: ApprovalStepFact[]; invalidated: ApprovalRequestFacts['invalidated'] }>();
  for (const entry of history) {
    const approvalId = text(entry.data['approvalId']);
    if (approvalId === null) continue;
    if (entry.type === 'ApprovalRequested') {
      const steps = Array.isArray(entry.data['steps']) ? (entry.data['steps'] as readonly { title?: unknown }[]) : [];
      requests.set(approvalId, {
        event: text(entry.data['event']) ?? '?',
        requestedBy: actorOf(entry.data['requestedBy']),
        requestedAt: entry.occurredAt,
        steps: steps.map((step) => ({ title: text(step.title) ?? '?', decision: 'none', by: null, note: null, at: null })),
        invalidated: null,
      });
      continue;
    }
    const request = requests.get(approvalId);
    if (request === undefined) continue;
    const stepIndex = typeof entry.data['step'] === 'number' ? entry.data['step'] : -1;
    const step = request.steps[stepIndex];
    if (entry.type === 'ApprovalGranted' && step !== undefined) {
      request.steps[stepIndex] = { ...step, decision: 'granted', by: text(entry.data['by']), note: text(entry.data['comment']), at: entry.occurredAt };
    } else if (entry.type === 'ApprovalRejected' && step !== undefined) {
      request.steps[stepIndex] = { ...step, decision: 'rejected', by: text(entry.data['by']), note: text(entry.data['reason']), at: entry.occurredAt };
    } else if (entry.type === 'ApprovalInvalidated') {
      const fields = Array.isArray(entry.data['fields']) ? entry.data['fields'].filter((field): field is string => typeof field === 'string') : [];
      request.invalidated = { reason: text(entry.data['reason']) ?? '?', fields, at: entry.occurredAt };
    }
  }
  return [...requests.entries()].map(([approvalId, request]) => ({ approvalId, ...request }));
};

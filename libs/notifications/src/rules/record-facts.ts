import type { StoredEvent } from '@crm/event-store';

export type ApprovalMode = 'sequential' | 'all' | 'any';

export interface ApprovalStepFacts {
  readonly title: string;
  readonly role?: string;
  readonly user?: string;
  readonly status: 'waiting' | 'granted' | 'rejected';
}

export interface ApprovalFacts {
  readonly approvalId: string;
  readonly event: string;
  readonly requestedBy: string;
  readonly mode: ApprovalMode;
  readonly steps: readonly ApprovalStepFacts[];
}

/** What the notification rules need to know of a record, as its stream says up to one event. */
export interface RecordFacts {
  readonly kind: string;
  readonly id: string;
  /** Its `name` field (else `title`, else `company`), to name it for a person; null without one. */
  readonly name: string | null;
  readonly owner: string | null;
  readonly approvals: ReadonlyMap<string, ApprovalFacts>;
  /** Task id → title. */
  readonly tasks: ReadonlyMap<string, string>;
  /** The command that last changed the owner: the tasks that follow the owner come in the same command. */
  readonly lastOwnerChange: { readonly commandId: string | null; readonly to: string | null } | null;
}

const NAME_FIELDS = ['name', 'title', 'company'] as const;

/** A record's stream is `<kind>-<recordId>`; kinds are lower-case identifiers, so the first `-` splits. */
export const recordOfStream = (stream: string): { readonly kind: string; readonly id: string } => {
  const separator = stream.indexOf('-');
  return { kind: stream.slice(0, separator), id: stream.slice(separator + 1) };
};

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const asObject = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

const nameIn = (fields: Record<string, unknown>): string | null => {
  for (const field of NAME_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
};

const modeOf = (value: unknown): ApprovalMode => (value === 'all' || value === 'any' ? value : 'sequential');

const stepsOf = (value: unknown): ApprovalStepFacts[] =>
  (Array.isArray(value) ? value : []).map((entry) => {
    const step = asObject(entry);
    const role = textOrNull(step['role']);
    const user = textOrNull(step['user']);
    return { title: String(step['title']), ...(role === null ? {} : { role }), ...(user === null ? {} : { user }), status: 'waiting' };
  });

const decided = (approval: ApprovalFacts, step: unknown, status: 'granted' | 'rejected'): ApprovalFacts => ({
  ...approval,
  steps: approval.steps.map((entry, index) => (index === step ? { ...entry, status } : entry)),
});

/** The facts after `events`, the record's stream from its start (README, Notifications and webhooks). */
export const recordFactsOf = (stream: string, events: readonly StoredEvent[]): RecordFacts => {
  const { kind, id } = recordOfStream(stream);
  const fields: Record<string, unknown> = {};
  let owner: string | null = null;
  let lastOwnerChange: RecordFacts['lastOwnerChange'] = null;
  const approvals = new Map<string, ApprovalFacts>();
  const tasks = new Map<string, string>();
  for (const event of events) {
    const data = event.data;
    switch (event.type) {
      case 'RecordOpened':
        owner = textOrNull(data['owner']);
        Object.assign(fields, asObject(data['fields']));
        break;
      case 'FieldsChanged':
        for (const [field, change] of Object.entries(asObject(data['changes']))) fields[field] = asObject(change)['to'];
        break;
      case 'OwnerChanged':
        owner = textOrNull(data['to']);
        lastOwnerChange = { commandId: textOrNull(event.metadata['commandId']), to: owner };
        break;
      case 'TaskOpened':
        tasks.set(String(data['taskId']), String(data['title']));
        break;
      case 'ApprovalRequested':
        approvals.set(String(data['approvalId']), {
          approvalId: String(data['approvalId']),
          event: String(data['event']),
          requestedBy: String(asObject(data['requestedBy'])['id']),
          mode: modeOf(data['mode']),
          steps: stepsOf(data['steps']),
        });
        break;
      case 'ApprovalGranted':
      case 'ApprovalRejected': {
        const approval = approvals.get(String(data['approvalId']));
        if (approval !== undefined) approvals.set(approval.approvalId, decided(approval, data['step'], event.type === 'ApprovalGranted' ? 'granted' : 'rejected'));
        break;
      }
      default:
        break;
    }
  }
  return { kind, id, name: nameIn(fields), owner, approvals, tasks, lastOwnerChange };
};

/** How a person is shown the record: its name with kind and id, or kind and id alone. */
export const labelOf = (facts: Pick<RecordFacts, 'kind' | 'id' | 'name'>): string =>
  facts.name === null ? `${facts.kind} ${facts.id}` : `${facts.name} (${facts.kind} ${facts.id})`;

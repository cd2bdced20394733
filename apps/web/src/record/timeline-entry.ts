import type { HistoryEntry } from '../api/api-types';

/** What a timeline line says about one event, apart from who and when: the facts its data carries. */
export interface TimelineFacts {
  /** i18n key under `timeline.what` and its values. */
  readonly what: string;
  readonly values: Readonly<Record<string, string>>;
  /** Why, as the actor gave it: a transition's reason, an approval's comment or rejection reason, a task note. */
  readonly why: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '—' : JSON.stringify(value));

const optionalText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Task titles by task id, from the TaskOpened events: a completion or cancellation names only the id. */
export const taskTitlesOf = (entries: readonly HistoryEntry[]): ReadonlyMap<string, string> =>
  new Map(
    entries.flatMap((entry) => (entry.type === 'TaskOpened' && typeof entry.data['taskId'] === 'string' && typeof entry.data['title'] === 'string' ? [[entry.data['taskId'], entry.data['title']] as const] : [])),
  );

export const timelineFacts = (entry: HistoryEntry, stageTitle: (stage: string) => string, taskTitles: ReadonlyMap<string, string> = new Map()): TimelineFacts => {
  const data = entry.data;
  const why = optionalText(data['reason']) ?? optionalText(data['comment']) ?? optionalText(data['note']);
  switch (entry.type) {
    case 'RecordOpened':
      return { what: 'opened', values: { stage: stageTitle(text(data['stage'])), owner: text(data['owner']) }, why };
    case 'Transitioned':
    case 'StageRecorded':
      return { what: entry.type === 'Transitioned' ? 'transitioned' : 'stageRecorded', values: { event: text(data['event']), from: stageTitle(text(data['from'])), to: stageTitle(text(data['to'])) }, why };
    case 'FieldsChanged': {
      const changes = (data['changes'] ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      return { what: 'fieldsChanged', values: { fields: Object.entries(changes).map(([field, change]) => `${field}: ${text(change.from)} → ${text(change.to)}`).join('; ') }, why };
    }
    case 'OwnerChanged':
      return { what: 'ownerChanged', values: { from: text(data['from']), to: text(data['to']) }, why };
    case 'TaskOpened':
    case 'TaskCompleted':
    case 'TaskCancelled':
      return { what: `task.${entry.type}`, values: { title: text(data['title'] ?? taskTitles.get(text(data['taskId'])) ?? data['template'] ?? data['taskId']) }, why };
    default:
      return { what: `event.${entry.type}`, values: { type: entry.type }, why };
  }
};

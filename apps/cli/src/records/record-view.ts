import type { Actor, FieldValue } from '@crm/blueprint';
import type { CommandEvent, NextStep, RecordView } from '@crm/workflow';
import { renderTable } from '../text-table';

export { recordView, type RecordView } from '@crm/workflow';

const fieldText = (value: FieldValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

const nextLines = (next: readonly NextStep[]): string[] =>
  next.flatMap((step) => [
    `  ${step.allowed ? 'allowed' : 'blocked'}  ${step.event} → ${step.to}  (${step.title})`,
    ...step.unmet.map((unmet) => `             unmet ${unmet.criterion}${unmet.field === undefined ? '' : ` ${unmet.field}`}: ${unmet.message}`),
  ]);

/** The record for a person: where it is, its fields and tasks, and what may happen next for `actor`. */
export const renderRecordView = (view: RecordView, actor: Actor): string => {
  const fields = Object.entries(view.fields);
  const lines = [
    `${view.kind} ${view.id}`,
    `stage:      ${view.stage} (${view.stageTitle})${view.final ? ', final' : ''}${view.stageEnteredAt === null ? '' : ` since ${view.stageEnteredAt}`}`,
    `owner:      ${view.owner ?? '(none)'}`,
    `revision:   ${view.revision}`,
    `blueprint:  ${view.blueprint.id} v${view.blueprint.version} (sha256:${view.blueprint.contentHash.slice(0, 12)})`,
    `opened:     ${view.openedAt ?? '-'}`,
    `updated:    ${view.updatedAt ?? '-'}`,
    '',
    fields.length === 0 ? 'fields: (none)' : 'fields:',
    ...(fields.length === 0 ? [] : renderTable(['field', 'value'], fields.map(([name, value]) => [name, fieldText(value)]), 2).split('\n').map((line) => `  ${line}`)),
  ];
  if (view.tasks.length > 0) {
    lines.push('', 'open tasks:', ...view.tasks.map((task) => `  ${task.template}: ${task.title}${task.dueAt === null ? '' : ` (due ${task.dueAt})`}`));
  }
  lines.push('', view.next.length === 0 ? `next for ${actor.id}: nothing (no transition leaves ${view.stage})` : `next for ${actor.id}:`, ...nextLines(view.next));
  return `${lines.join('\n')}\n`;
};

/** One line per stored event of a write, e.g. `  r2 Transitioned qualification → needs_analysis`. */
export const renderStoredEvents = (events: readonly CommandEvent[]): string => {
  if (events.length === 0) return 'stored nothing: the record already was like that\n';
  const describe = (event: CommandEvent): string => {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'Transitioned') return `${String(data['from'])} → ${String(data['to'])} (${String(data['event'])})`;
    if (event.type === 'FieldsChanged') return Object.keys((data['changes'] as Record<string, unknown>) ?? {}).join(', ');
    if (event.type === 'TaskOpened') return String(data['title']);
    if (event.type === 'RecordOpened') return `in ${String(data['stage'])}, owner ${data['owner'] === null ? '(none)' : String(data['owner'])}`;
    return '';
  };
  return `${events.map((event) => `stored r${event.revision} ${event.type}${describe(event) === '' ? '' : ` ${describe(event)}`}`).join('\n')}\n`;
};

/** What a write prints: the events it stored, then the record as it now is; or both as JSON, as the API answers. */
export const renderRecordWrite = (view: RecordView, events: readonly CommandEvent[], actor: Actor, json: boolean): string =>
  json ? `${JSON.stringify({ record: view, events }, null, 2)}\n` : `${renderStoredEvents(events)}\n${renderRecordView(view, actor)}`;

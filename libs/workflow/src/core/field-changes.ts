import type { FieldValues } from '@crm/blueprint';
import type { FieldChange, FieldsChanged } from './core.events';

/** Only the fields whose value actually changes; `null` clears a field. */
export const fieldChanges = (current: FieldValues, next: FieldValues): Record<string, FieldChange> => {
  const changes: Record<string, FieldChange> = {};
  for (const [name, to] of Object.entries(next)) {
    const from = Object.prototype.hasOwnProperty.call(current, name) ? current[name] : null;
    if (from !== to) changes[name] = { from, to };
  }
  return changes;
};

/** A FieldsChanged event when `next` changes anything, none otherwise. */
export const fieldsChanged = (recordId: string, current: FieldValues, next: FieldValues): FieldsChanged[] => {
  const changes = fieldChanges(current, next);
  return Object.keys(changes).length === 0 ? [] : [{ type: 'FieldsChanged', data: { recordId, changes } }];
};

import type { FieldValues } from '@crm/blueprint';
import type { StoredRecordEvent } from '@crm/workflow';
import { NAME_FIELDS, nameOf } from '../records/records.projection';
import type { RecordVisibility } from '../records/records.queries';
import type { ReadModelStorage } from '../shared/read-model-storage';

/**
 * What the work lists (tasks, approvals) need to know of a record besides its own events: the name a
 * person recognises it by, and its owner, whom the read rule judges. Each of those read models keeps this
 * table itself, so each can be rebuilt alone.
 */
export const RECORD_FACT_TYPES = ['RecordOpened', 'FieldsChanged', 'OwnerChanged'] as const;

/** A record's stream is `<kind>-<recordId>`; kinds are lower-case identifiers, so the first `-` splits. */
export const recordOfStream = (stream: string): { readonly kind: string; readonly recordId: string } => {
  const separator = stream.indexOf('-');
  return { kind: stream.slice(0, separator), recordId: stream.slice(separator + 1) };
};

export const workRecordsTable = (name: string) => ({
  name,
  create: (table: string) => [
    `CREATE TABLE ${table} (
      kind        TEXT NOT NULL,
      record_id   TEXT NOT NULL,
      owner       TEXT,
      name        TEXT,
      name_fields TEXT NOT NULL,
      PRIMARY KEY (kind, record_id)
    )`,
    `CREATE INDEX ${table}__by_owner ON ${table} (owner, kind)`,
  ],
});

interface WorkRecordRow {
  readonly kind: string;
  readonly record_id: string;
  readonly owner: string | null;
  readonly name: string | null;
  readonly name_fields: string;
}

const nameFieldsOf = (fields: FieldValues): FieldValues =>
  Object.fromEntries(NAME_FIELDS.flatMap((field) => (fields[field] === undefined ? [] : [[field, fields[field]]])));

/** Follows a record's name and owner into `table`; false for an event that is not about them. */
export const workRecordsWriter = (storage: ReadModelStorage, table: string) => {
  const records = storage.rows<WorkRecordRow>({ table, keys: ['kind', 'record_id'], columns: ['owner', 'name', 'name_fields'] });

  return (event: StoredRecordEvent, kind: string): boolean => {
    if (event.type === 'RecordOpened') {
      const fields = nameFieldsOf(event.data.fields);
      records.insert({ kind: event.data.kind, record_id: event.data.recordId, owner: event.data.owner, name: nameOf(fields), name_fields: JSON.stringify(fields) });
      return true;
    }
    if (event.type === 'OwnerChanged') {
      const row = records.get({ kind, record_id: event.data.recordId });
      if (row !== undefined) records.update({ ...row, owner: event.data.to });
      return true;
    }
    if (event.type === 'FieldsChanged') {
      const changed = NAME_FIELDS.filter((field) => event.data.changes[field] !== undefined);
      if (changed.length === 0) return true;
      const row = records.get({ kind, record_id: event.data.recordId });
      if (row === undefined) throw new Error(`FieldsChanged for ${event.stream}, which was never opened`);
      const fields: Record<string, FieldValues[string]> = { ...(JSON.parse(row.name_fields) as FieldValues) };
      for (const field of changed) {
        const to = event.data.changes[field]?.to ?? null;
        if (to === null) delete fields[field];
        else fields[field] = to;
      }
      records.update({ ...row, name: nameOf(fields), name_fields: JSON.stringify(fields) });
      return true;
    }
    return false;
  };
};

/**
 * The read rule of record lists (`listScope`), as a condition on the record's `kind` and `owner` columns
 * under `alias`: the named owners' records, plus unowned ones of all or some kinds.
 */
export const visibleRecordCondition = (visibility: RecordVisibility, alias: string, parameters: Record<string, string | number>): string => {
  const placeholders = (prefix: string, values: readonly string[]): string =>
    values
      .map((value, index) => {
        parameters[`${prefix}${index}`] = value;
        return `@${prefix}${index}`;
      })
      .join(', ');
  const visible = [`${alias}.owner IN (${placeholders('visibleOwner', visibility.owners)})`];
  if (visibility.unowned === 'all') visible.push(`${alias}.owner IS NULL`);
  else if (visibility.unowned.kinds.length > 0) visible.push(`(${alias}.owner IS NULL AND ${alias}.kind IN (${placeholders('visibleKind', visibility.unowned.kinds)}))`);
  return `(${visible.join(' OR ')})`;
};

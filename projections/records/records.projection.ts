import type { Database } from 'better-sqlite3';
import type { FieldValues } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames, WriteMode } from '@crm/projection-runtime';
import { effectiveTime } from '../shared/business-time';
import { ReadModelStorage } from '../shared/read-model-storage';
import { asRecordEvent, isImported, RECORD_FACT_EVENT_TYPES, RECORD_MIGRATED } from '../shared/record-events';

export const RECORDS_PROJECTION = 'records';

/** Fields shown as the record's name in lists and searched by text; the first one set wins. */
export const NAME_FIELDS = ['name', 'title', 'company'] as const;

export const nameOf = (fields: FieldValues): string | null => {
  for (const field of NAME_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
};

/** Lower-cased, accents kept: what text search compares. */
export const foldName = (name: string | null): string | null => (name === null ? null : name.toLowerCase());

/** A type, not an interface: it is also handed to the interval writer as plain column values. */
type RecordRow = {
  readonly kind: string;
  readonly record_id: string;
  readonly blueprint_id: string;
  readonly blueprint_version: number;
  readonly stage: string;
  readonly owner: string | null;
  readonly pool_team: string | null;
  readonly name: string | null;
  readonly name_folded: string | null;
  readonly fields: string;
  readonly opened_at: string;
  readonly updated_at: string;
  readonly events: number;
  readonly revision: number;
  readonly imported: number;
  readonly conforming: number;
};

const recordColumns = [
  'blueprint_id',
  'blueprint_version',
  'stage',
  'owner',
  'pool_team',
  'name',
  'name_folded',
  'fields',
  'opened_at',
  'updated_at',
  'events',
  'revision',
  'imported',
  'conforming',
] as const;

const versionColumns = ['stage', 'owner', 'name', 'name_folded', 'fields', 'opened_at', 'conforming'] as const;

const applyChanges = (fields: FieldValues, changes: Readonly<Record<string, { readonly to: FieldValues[string] }>>): FieldValues => {
  const next: Record<string, FieldValues[string]> = { ...fields };
  for (const [name, change] of Object.entries(changes)) {
    if (change.to === null) delete next[name];
    else next[name] = change.to;
  }
  return next;
};

/** Keys sorted, so equal field sets store equal text (and intervals compare equal). */
const canonicalFields = (fields: FieldValues): string =>
  JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

const openWriter = (db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  const records = storage.rows<RecordRow>({ table: tables('records'), keys: ['kind', 'record_id'], columns: recordColumns });
  const versions = storage.intervals(tables('record_versions'), ['kind', 'record_id'], versionColumns);

  const evolve = (stored: StoredEvent): void => {
    const event = asRecordEvent(stored);
    if (event === null) return;
    const kind = stored.stream.slice(0, stored.stream.indexOf('-'));
    if (event.type === 'RecordOpened') {
      const fields = event.data.fields;
      const name = nameOf(fields);
      const row: RecordRow = {
        kind: event.data.kind,
        record_id: event.data.recordId,
        blueprint_id: event.data.blueprint.id,
        blueprint_version: event.data.blueprint.version,
        stage: event.data.stage,
        owner: event.data.owner,
        pool_team: null,
        name,
        name_folded: foldName(name),
        fields: canonicalFields(fields),
        opened_at: stored.occurredAt,
        updated_at: stored.occurredAt,
        events: 1,
        revision: stored.revision,
        imported: isImported(stored) ? 1 : 0,
        conforming: 1,
      };
      records.insert(row);
      versions.set({ kind: row.kind, record_id: row.record_id }, row.opened_at, row);
      return;
    }
    const current = records.get({ kind, record_id: event.data.recordId });
    if (current === undefined) throw new Error(`${stored.type} for ${stored.stream}, which was never opened`);
    let fields = JSON.parse(current.fields) as FieldValues;
    let { stage, owner, conforming, pool_team, blueprint_id, blueprint_version } = current;
    if (event.type === 'FieldsChanged') fields = applyChanges(fields, event.data.changes);
    if (event.type === 'Transitioned') stage = event.data.to;
    if (event.type === 'StageRecorded') {
      stage = event.data.to;
      conforming = 0;
    }
    if (event.type === 'OwnerChanged') {
      owner = event.data.to;
      // A lead returned to the pool is in the pool of the team of the owner it left (README, Lead pool).
      pool_team = event.data.to === null ? (event.data.team ?? null) : null;
    }
    if (event.type === 'LeadPooled') pool_team = event.data.team;
    if (event.type === 'RecordMigrated') {
      stage = event.data.toStage;
      blueprint_id = event.data.to.id;
      blueprint_version = event.data.to.version;
    }
    const at = effectiveTime(stored.occurredAt, current.updated_at);
    const name = nameOf(fields);
    const row: RecordRow = {
      kind: current.kind,
      record_id: current.record_id,
      blueprint_id,
      blueprint_version,
      stage,
      owner,
      pool_team,
      name,
      name_folded: foldName(name),
      fields: canonicalFields(fields),
      opened_at: current.opened_at,
      updated_at: at,
      events: current.events + 1,
      revision: stored.revision,
      imported: current.imported,
      conforming,
    };
    records.update(row);
    versions.set({ kind: row.kind, record_id: row.record_id }, at, row);
  };
  return { evolve, finish: storage.finish };
};

/**
 * Every record's current state for lists and search (`records`), and its history as validity intervals
 * (`record_versions`) for lists "as of" a business time. `events` counts the events folded into a row:
 * an event applied twice would show there (and in the digest). `conforming` is 0 from the first
 * StageRecorded on (imported history no blueprint transition explains). `pool_team` is the team whose
 * pool an unowned lead is in (null: everyone's), for the read rule of lists (README, Lead pool).
 */
export const recordsProjection = (): Projection => ({
  name: RECORDS_PROJECTION,
  // 2: StageRecorded moves the stage; `conforming` on records and record_versions.
  // 3: `pool_team` on records (OwnerChanged's team when returned to the pool, LeadPooled).
  // 4: RecordMigrated sets the blueprint version (and stage).
  version: 4,
  eventTypes: [...RECORD_FACT_EVENT_TYPES, 'LeadPooled', RECORD_MIGRATED],
  tables: [
    {
      name: 'records',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind              TEXT    NOT NULL,
          record_id         TEXT    NOT NULL,
          blueprint_id      TEXT    NOT NULL,
          blueprint_version INTEGER NOT NULL,
          stage             TEXT    NOT NULL,
          owner             TEXT,
          pool_team         TEXT,
          name              TEXT,
          name_folded       TEXT,
          fields            TEXT    NOT NULL,
          opened_at         TEXT    NOT NULL,
          updated_at        TEXT    NOT NULL,
          events            INTEGER NOT NULL,
          revision          INTEGER NOT NULL,
          imported          INTEGER NOT NULL,
          conforming        INTEGER NOT NULL,
          PRIMARY KEY (kind, record_id)
        )`,
        `CREATE INDEX ${table}__by_opened ON ${table} (kind, opened_at, record_id)`,
        `CREATE INDEX ${table}__by_stage ON ${table} (kind, stage)`,
        `CREATE INDEX ${table}__by_owner ON ${table} (owner, kind)`,
      ],
    },
    {
      name: 'record_versions',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind        TEXT NOT NULL,
          record_id   TEXT NOT NULL,
          valid_from  TEXT NOT NULL,
          valid_to    TEXT,
          stage       TEXT NOT NULL,
          owner       TEXT,
          name        TEXT,
          name_folded TEXT,
          fields      TEXT NOT NULL,
          opened_at   TEXT NOT NULL,
          conforming  INTEGER NOT NULL,
          PRIMARY KEY (kind, record_id, valid_from)
        )`,
        `CREATE INDEX ${table}__by_validity ON ${table} (kind, valid_from, valid_to)`,
        `CREATE INDEX ${table}__open ON ${table} (kind, record_id) WHERE valid_to IS NULL`,
      ],
    },
  ],
  open: openWriter,
});

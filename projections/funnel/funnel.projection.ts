import type { Database } from 'better-sqlite3';
import { isGroupableField, type BlueprintDefinition, type BlueprintRef, type FieldValue } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames, WriteMode } from '@crm/projection-runtime';
import { BlueprintStages, blueprintStagesTable, lostReasonFieldOf, publishedBlueprintOf, type StageFacts } from '../shared/blueprint-stages.table';
import { effectiveTime } from '../shared/business-time';
import { ReadModelStorage } from '../shared/read-model-storage';
import { asRecordEvent, isBlueprintPublished, RECORD_MIGRATED, STAGE_AWARE_EVENT_TYPES } from '../shared/record-events';

export const FUNNEL_PROJECTION = 'funnel';

/** Attribute names in `funnel_attributes`: the owner, and every field as `field:<name>`. */
export const OWNER_ATTRIBUTE = 'owner';
export const fieldAttribute = (field: string): string => `field:${field}`;

interface FunnelRecordRow {
  /** Null only in the row inserted: the table numbers it. */
  readonly record_no: number | null;
  readonly kind: string;
  readonly record_id: string;
  readonly blueprint_id: string;
  readonly blueprint_version: number;
  readonly opened_at: string;
  readonly last_at: string;
  readonly visits: number;
}

interface VisitRow {
  readonly kind: string;
  readonly record_id: string;
  readonly visit_no: number;
  readonly opened_at: string;
  readonly record_no: number | null;
  readonly stage: string;
  readonly stage_order: number;
  readonly outcome: string;
  readonly final: number;
  readonly entered_at: string;
  readonly exited_at: string | null;
  readonly next_stage: string | null;
  readonly advanced: number | null;
  readonly conforming: number;
  readonly duration_ms: number | null;
}

interface BlueprintFieldsRow {
  readonly groupable_fields: string;
}

/** The fields reports may group this version's records by, in declaration order. */
export const groupableFieldsOf = (definition: BlueprintDefinition): string[] =>
  definition.fields.filter(isGroupableField).map((field) => field.name);

/** The blueprint's lost-reason field, when reports may show its values. */
const groupableLostReasonField = (definition: BlueprintDefinition): string | null => {
  const field = lostReasonFieldOf(definition);
  return field !== null && groupableFieldsOf(definition).includes(field) ? field : null;
};

/** A move forward: to a later stage that is not a loss. Backward moves (nurturing loops) and losses are not conversions. */
export const isAdvance = (from: StageFacts, to: StageFacts): boolean => to.order > from.order && to.outcome !== 'lost';

const attributeValue = (value: FieldValue | undefined): { value: string } | null =>
  value === null || value === undefined ? null : { value: JSON.stringify(value) };

const openWriter = (db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  const stages = new BlueprintStages(db, tables('funnel_stages'));
  const attributes = storage.intervals(tables('funnel_attributes'), ['kind', 'record_id', 'attribute'], ['value']);
  const records = storage.rows<FunnelRecordRow>({
    table: tables('funnel_records'),
    keys: ['kind', 'record_id'],
    columns: ['record_no', 'blueprint_id', 'blueprint_version', 'opened_at', 'last_at', 'visits'],
    rowNumber: 'record_no',
  });
  const visits = storage.rows<VisitRow>({
    table: tables('funnel_visits'),
    keys: ['kind', 'record_id', 'visit_no'],
    columns: ['opened_at', 'record_no', 'stage', 'stage_order', 'outcome', 'final', 'entered_at', 'exited_at', 'next_stage', 'advanced', 'conforming', 'duration_ms'],
  });
  const insertBlueprint = db.prepare(
    `INSERT OR REPLACE INTO ${tables('funnel_blueprints')} (blueprint_id, blueprint_version, kind, lost_reason_field, groupable_fields) VALUES (?, ?, ?, ?, ?)`,
  );
  const selectBlueprintFields = db.prepare(`SELECT groupable_fields FROM ${tables('funnel_blueprints')} WHERE blueprint_id = ? AND blueprint_version = ?`);
  const groupableByVersion = new Map<string, ReadonlySet<string>>();
  // Published versions never change, so a cached answer stays true (a rolled-back batch republishes the same).
  const groupableFields = (blueprint: Pick<BlueprintRef, 'id' | 'version'>): ReadonlySet<string> => {
    const key = `${blueprint.id}@${blueprint.version}`;
    const cached = groupableByVersion.get(key);
    if (cached !== undefined) return cached;
    const row = selectBlueprintFields.get(blueprint.id, blueprint.version) as BlueprintFieldsRow | undefined;
    if (row === undefined) throw new Error(`blueprint ${blueprint.id} v${blueprint.version} was never published`);
    const fields = new Set(JSON.parse(row.groupable_fields) as string[]);
    groupableByVersion.set(key, fields);
    return fields;
  };

  /** `conforming`: 0 for a visit entered by a StageRecorded (a move no blueprint transition explains). */
  const enter = (record: Pick<FunnelRecordRow, 'kind' | 'record_id' | 'opened_at' | 'record_no'>, visitNo: number, facts: StageFacts, at: string, conforming: boolean): void => {
    visits.insert({
      kind: record.kind,
      record_id: record.record_id,
      visit_no: visitNo,
      opened_at: record.opened_at,
      record_no: record.record_no,
      stage: facts.stage,
      stage_order: facts.order,
      outcome: facts.outcome,
      final: facts.final ? 1 : 0,
      entered_at: at,
      exited_at: null,
      next_stage: null,
      advanced: null,
      conforming: conforming ? 1 : 0,
      duration_ms: null,
    });
  };
  /** Time in stage kept in whole milliseconds, as `daysBetween` measures it from the two texts. An exited visit no longer changes. */
  const exit = (visit: VisitRow, from: StageFacts, to: StageFacts, at: string): void => {
    visits.update({ ...visit, exited_at: at, next_stage: to.stage, advanced: isAdvance(from, to) ? 1 : 0, duration_ms: Date.parse(at) - Date.parse(visit.entered_at) });
    visits.settle(visit);
  };
  const openVisit = (kind: string, record: FunnelRecordRow, stream: string): VisitRow => {
    const visit = visits.get({ kind, record_id: record.record_id, visit_no: record.visits });
    if (visit === undefined) throw new Error(`${stream} has no open stage visit`);
    return visit;
  };

  const evolve = (stored: StoredEvent): void => {
    if (isBlueprintPublished(stored)) {
      stages.publish(stored);
      const { ref, definition } = publishedBlueprintOf(stored);
      insertBlueprint.run(ref.id, ref.version, definition.kind, groupableLostReasonField(definition), JSON.stringify(groupableFieldsOf(definition)));
      return;
    }
    const event = asRecordEvent(stored);
    if (event === null) return;
    if (event.type === 'RecordOpened') {
      const { data } = event;
      const at = stored.occurredAt;
      const recordNo = records.insert({
        record_no: null,
        kind: data.kind,
        record_id: data.recordId,
        blueprint_id: data.blueprint.id,
        blueprint_version: data.blueprint.version,
        opened_at: at,
        last_at: at,
        visits: 1,
      });
      enter({ kind: data.kind, record_id: data.recordId, opened_at: at, record_no: recordNo }, 1, stages.stage(data.blueprint, data.stage), at, true);
      const key = { kind: data.kind, record_id: data.recordId };
      attributes.set({ ...key, attribute: OWNER_ATTRIBUTE }, at, data.owner === null ? null : { value: JSON.stringify(data.owner) });
      // Only what reports may group by is kept: free text, emails and names never reach the funnel.
      const groupable = groupableFields(data.blueprint);
      for (const [field, value] of Object.entries(data.fields)) {
        if (groupable.has(field)) attributes.set({ ...key, attribute: fieldAttribute(field) }, at, attributeValue(value));
      }
      return;
    }
    const kind = stored.stream.slice(0, stored.stream.indexOf('-'));
    const record = records.get({ kind, record_id: event.data.recordId });
    if (record === undefined) throw new Error(`${stored.type} for ${stored.stream}, which was never opened`);
    const at = effectiveTime(stored.occurredAt, record.last_at);
    const key = { kind, record_id: record.record_id };
    const blueprint = { id: record.blueprint_id, version: record.blueprint_version };
    let visitCount = record.visits;
    let pinned = blueprint;
    switch (event.type) {
      case 'FieldsChanged': {
        const groupable = groupableFields(blueprint);
        for (const [field, change] of Object.entries(event.data.changes)) {
          if (groupable.has(field)) attributes.set({ ...key, attribute: fieldAttribute(field) }, at, attributeValue(change.to));
        }
        break;
      }
      case 'OwnerChanged':
        attributes.set({ ...key, attribute: OWNER_ATTRIBUTE }, at, event.data.to === null ? null : { value: JSON.stringify(event.data.to) });
        break;
      case 'Transitioned':
      case 'StageRecorded': {
        const current = openVisit(kind, record, stored.stream);
        const from = stages.stage(blueprint, current.stage);
        const to = stages.stage(blueprint, event.data.to);
        exit(current, from, to, at);
        visitCount += 1;
        enter(record, visitCount, to, at, event.type === 'Transitioned');
        break;
      }
      case 'RecordMigrated': {
        const { to: target, toStage } = event.data;
        pinned = target;
        // Values of fields the new version does not let reports group by are no longer kept from now on.
        // TODO: a field groupable only in the new version counts under (none) until it next changes: the
        // funnel never kept its value, and RecordMigrated does not carry the record's fields.
        const stillGroupable = groupableFields(target);
        for (const field of groupableFields(blueprint)) {
          if (!stillGroupable.has(field)) attributes.set({ ...key, attribute: fieldAttribute(field) }, at, null);
        }
        const current = openVisit(kind, record, stored.stream);
        // The same stage kept goes on as one visit; another stage is entered as a move enters it, judged
        // by the facts of each stage's own version (README, Blueprint lifecycle: migration).
        if (toStage === current.stage) break;
        const from = stages.stage(blueprint, current.stage);
        const to = stages.stage(target, toStage);
        exit(current, from, to, at);
        visitCount += 1;
        enter(record, visitCount, to, at, true);
        break;
      }
    }
    records.update({ ...record, blueprint_id: pinned.id, blueprint_version: pinned.version, last_at: at, visits: visitCount });
  };
  return { evolve, finish: storage.finish };
};

/**
 * Stage visits with their entered/exited business times (`funnel_visits`), the records and their pinned
 * blueprint (`funnel_records`), owner and groupable field values as validity intervals (`funnel_attributes`,
 * for grouping by owner, team, source or any groupable field as of a moment), and per blueprint version the
 * stage facts, the groupable fields and the (groupable) field that says why a record was lost.
 */
export const funnelProjection = (): Projection => ({
  name: FUNNEL_PROJECTION,
  // 2: only groupable fields are kept, and each version's groupable fields are known.
  // 3: StageRecorded is a stage move; each visit says whether a transition entered it (`conforming`).
  // 4: RecordMigrated re-pins the record and, into another stage, ends its visit and enters the new stage.
  // 5: the cohort index: visits carry their record's opening time and number, and time in stage in ms.
  version: 5,
  eventTypes: [...STAGE_AWARE_EVENT_TYPES, RECORD_MIGRATED],
  tables: [
    blueprintStagesTable('funnel_stages'),
    {
      name: 'funnel_blueprints',
      create: (table) => [
        `CREATE TABLE ${table} (
          blueprint_id      TEXT    NOT NULL,
          blueprint_version INTEGER NOT NULL,
          kind              TEXT    NOT NULL,
          lost_reason_field TEXT,
          groupable_fields  TEXT    NOT NULL,
          PRIMARY KEY (blueprint_id, blueprint_version)
        )`,
      ],
    },
    {
      name: 'funnel_records',
      create: (table) => [
        // record_no is the rowid: the order records were opened in, which breaks ties of opened_at.
        `CREATE TABLE ${table} (
          record_no         INTEGER PRIMARY KEY,
          kind              TEXT    NOT NULL,
          record_id         TEXT    NOT NULL,
          blueprint_id      TEXT    NOT NULL,
          blueprint_version INTEGER NOT NULL,
          opened_at         TEXT    NOT NULL,
          last_at           TEXT    NOT NULL,
          visits            INTEGER NOT NULL,
          UNIQUE (kind, record_id)
        )`,
        // Covers the funnel's population: a window of opening times read in order, without the table.
        `CREATE INDEX ${table}__by_opened ON ${table} (kind, opened_at, record_no, record_id, blueprint_id, blueprint_version)`,
      ],
    },
    {
      name: 'funnel_visits',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind        TEXT    NOT NULL,
          record_id   TEXT    NOT NULL,
          visit_no    INTEGER NOT NULL,
          opened_at   TEXT    NOT NULL,
          record_no   INTEGER NOT NULL,
          stage       TEXT    NOT NULL,
          stage_order INTEGER NOT NULL,
          outcome     TEXT    NOT NULL,
          final       INTEGER NOT NULL,
          entered_at  TEXT    NOT NULL,
          exited_at   TEXT,
          next_stage  TEXT,
          advanced    INTEGER,
          conforming  INTEGER NOT NULL,
          duration_ms INTEGER,
          PRIMARY KEY (kind, record_id, visit_no)
        )`,
        `CREATE INDEX ${table}__by_stage ON ${table} (kind, stage, entered_at)`,
        // Covers the funnel query: the visits of a window of cohorts, record after record in the order
        // they were opened, each record's in order, with everything the counts need (README, Benchmarks).
        `CREATE INDEX ${table}__by_cohort ON ${table}
           (kind, opened_at, record_no, visit_no, entered_at, exited_at, stage, stage_order, outcome, final, advanced, conforming, duration_ms)`,
      ],
    },
    {
      name: 'funnel_attributes',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind       TEXT NOT NULL,
          record_id  TEXT NOT NULL,
          attribute  TEXT NOT NULL,
          valid_from TEXT NOT NULL,
          valid_to   TEXT,
          value      TEXT NOT NULL,
          PRIMARY KEY (kind, record_id, attribute, valid_from)
        )`,
        `CREATE INDEX ${table}__by_attribute ON ${table} (kind, attribute, valid_from, valid_to)`,
        `CREATE INDEX ${table}__open ON ${table} (kind, record_id, attribute) WHERE valid_to IS NULL`,
      ],
    },
  ],
  open: openWriter,
});

import type { Database } from 'better-sqlite3';
import type { FieldValues } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import type { ProjectionWriter, ReadModelTable, TableNames, WriteMode } from '@crm/projection-runtime';
import type { StoredRecordEvent } from '@crm/workflow';
import { BlueprintStages, blueprintStagesTable, type StageFacts } from './blueprint-stages.table';
import { effectiveTime } from './business-time';
import type { IntervalValues } from './interval-writer';
import { toCents } from './money';
import { ReadModelStorage } from './read-model-storage';
import { asRecordEvent, isBlueprintPublished } from './record-events';

/** The field holding a deal's value (money) and its expected or actual close date. */
export const AMOUNT_FIELD = 'amount';
export const CLOSE_DATE_FIELD = 'closeDate';

/** One row of a deal's timeline: its facts during [valid_from, valid_to). */
export interface DealRow {
  readonly kind: string;
  readonly record_id: string;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly blueprint_id: string;
  readonly blueprint_version: number;
  readonly opened_at: string;
  readonly stage: string;
  readonly stage_order: number;
  readonly stage_entered_at: string;
  readonly probability: number;
  readonly forecast_category: string;
  readonly outcome: string;
  readonly final: number;
  readonly owner: string | null;
  readonly amount_cents: number | null;
  readonly close_date: string | null;
  readonly closed_at: string | null;
  /** 0 from the deal's first StageRecorded on: imported history no blueprint transition explains. */
  readonly conforming: number;
  /** Since when a blueprint timer found the deal stalled in its stage (RecordStalled); null once it moves. */
  readonly stalled_since: string | null;
}

const dealColumns = [
  'blueprint_id',
  'blueprint_version',
  'opened_at',
  'stage',
  'stage_order',
  'stage_entered_at',
  'probability',
  'forecast_category',
  'outcome',
  'final',
  'owner',
  'amount_cents',
  'close_date',
  'closed_at',
  'conforming',
  'stalled_since',
] as const;

const dealTable = (name: string): ReadModelTable => ({
  name,
  create: (table) => [
    `CREATE TABLE ${table} (
      kind              TEXT    NOT NULL,
      record_id         TEXT    NOT NULL,
      valid_from        TEXT    NOT NULL,
      valid_to          TEXT,
      blueprint_id      TEXT    NOT NULL,
      blueprint_version INTEGER NOT NULL,
      opened_at         TEXT    NOT NULL,
      stage             TEXT    NOT NULL,
      stage_order       INTEGER NOT NULL,
      stage_entered_at  TEXT    NOT NULL,
      probability       REAL    NOT NULL,
      forecast_category TEXT    NOT NULL,
      outcome           TEXT    NOT NULL,
      final             INTEGER NOT NULL,
      owner             TEXT,
      amount_cents      INTEGER,
      close_date        TEXT,
      closed_at         TEXT,
      conforming        INTEGER NOT NULL,
      stalled_since     TEXT,
      PRIMARY KEY (kind, record_id, valid_from)
    )`,
    `CREATE INDEX ${table}__by_validity ON ${table} (kind, valid_from, valid_to)`,
    `CREATE INDEX ${table}__open ON ${table} (kind, record_id) WHERE valid_to IS NULL`,
  ],
});

/** A deal timeline's tables: `<prefix>_stages` (stage facts per blueprint version) and `<prefix>_deals`. */
export const dealTimelineTables = (prefix: string): readonly ReadModelTable[] => [
  blueprintStagesTable(`${prefix}_stages`),
  dealTable(`${prefix}_deals`),
];

const stageColumns = (facts: StageFacts, at: string): IntervalValues => ({
  stage: facts.stage,
  stage_order: facts.order,
  stage_entered_at: at,
  probability: facts.probability,
  forecast_category: facts.forecastCategory,
  outcome: facts.outcome,
  final: facts.final ? 1 : 0,
  closed_at: facts.final ? at : null,
  // A deal that moves is no longer stalled.
  stalled_since: null,
});

const dateOrNull = (value: FieldValues[string] | undefined): string | null => (typeof value === 'string' ? value : null);

const kindOfStream = (stream: string): string => stream.slice(0, stream.indexOf('-'));

const nextFacts = (event: StoredRecordEvent, current: DealRow, at: string, stages: BlueprintStages): IntervalValues => {
  switch (event.type) {
    case 'FieldsChanged': {
      const amount = event.data.changes[AMOUNT_FIELD];
      const closeDate = event.data.changes[CLOSE_DATE_FIELD];
      return {
        ...current,
        amount_cents: amount === undefined ? current.amount_cents : toCents(amount.to),
        close_date: closeDate === undefined ? current.close_date : dateOrNull(closeDate.to),
      };
    }
    case 'Transitioned':
      return {
        ...current,
        ...stageColumns(stages.stage({ id: current.blueprint_id, version: current.blueprint_version }, event.data.to), at),
      };
    case 'StageRecorded':
      return {
        ...current,
        ...stageColumns(stages.stage({ id: current.blueprint_id, version: current.blueprint_version }, event.data.to), at),
        conforming: 0,
      };
    case 'OwnerChanged':
      return { ...current, owner: event.data.to };
    case 'RecordMigrated': {
      // The stage's facts come from the new version; a stage kept keeps when it was entered.
      const facts = stages.stage(event.data.to, event.data.toStage);
      const pinned = { blueprint_id: event.data.to.id, blueprint_version: event.data.to.version };
      if (event.data.toStage !== current.stage) return { ...current, ...pinned, ...stageColumns(facts, at) };
      return { ...current, ...pinned, stage_order: facts.order, probability: facts.probability, forecast_category: facts.forecastCategory, outcome: facts.outcome, final: facts.final ? 1 : 0 };
    }
    case 'RecordStalled':
      return { ...current, stalled_since: event.data.since };
    default:
      return current as unknown as IntervalValues;
  }
};

/**
 * The facts pipeline and forecast need of every record, as validity intervals: stage (with the pinned
 * blueprint's probability, forecast category and outcome), when the stage was entered, owner, amount,
 * close date and whether the history so far conforms (no StageRecorded). Each projection keeps its own
 * copy, so each can be versioned and rebuilt on its own.
 */
export const openDealTimeline = (db: Database, tables: TableNames, prefix: string, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  const stages = new BlueprintStages(db, tables(`${prefix}_stages`));
  const deals = storage.intervals(tables(`${prefix}_deals`), ['kind', 'record_id'], dealColumns);

  const evolve = (stored: StoredEvent): void => {
    if (isBlueprintPublished(stored)) {
      stages.publish(stored);
      return;
    }
    const event = asRecordEvent(stored);
    if (event === null) return;
    if (event.type === 'RecordOpened') {
      const { data } = event;
      const at = stored.occurredAt;
      deals.set({ kind: data.kind, record_id: data.recordId }, at, {
        blueprint_id: data.blueprint.id,
        blueprint_version: data.blueprint.version,
        opened_at: at,
        ...stageColumns(stages.stage(data.blueprint, data.stage), at),
        owner: data.owner,
        amount_cents: toCents(data.fields[AMOUNT_FIELD]),
        close_date: dateOrNull(data.fields[CLOSE_DATE_FIELD]),
        conforming: 1,
      });
      return;
    }
    const key = { kind: kindOfStream(stored.stream), record_id: event.data.recordId };
    const current = deals.current(key) as unknown as DealRow | undefined;
    if (current === undefined) throw new Error(`${stored.type} for ${stored.stream}, which was never opened`);
    const at = effectiveTime(stored.occurredAt, current.valid_from);
    deals.set(key, at, nextFacts(event, current, at, stages), current as unknown as IntervalValues);
  };
  return { evolve, finish: storage.finish };
};

/**
 * The deals valid at `asOf` (inclusive start, exclusive end), of one kind; `openOnly`: only those in a
 * stage that is not final. Filtering in SQL matters: late in a long history most valid rows are closed
 * deals, and building them as objects only to drop them cost most of a pipeline query.
 */
export const dealsAsOf = (db: Database, table: string, kind: string, asOf: string, openOnly = false): DealRow[] =>
  db
    .prepare(
      `SELECT * FROM ${table} WHERE kind = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)${openOnly ? ' AND final = 0' : ''} ORDER BY record_id`,
    )
    .all(kind, asOf, asOf) as DealRow[];

import type { Database } from 'better-sqlite3';
import type { BlueprintDefinition, BlueprintRef, FieldValues } from '@crm/blueprint';
import { parseAsOf } from '../shared/business-time';
import { conformanceOf, type Conformance } from '../shared/conformance';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';

export interface RecordListQuery {
  readonly kind?: string;
  readonly stage?: string;
  readonly owner?: string;
  /** Case-insensitive substring of the record's name. */
  readonly text?: string;
  /** Business time (`YYYY-MM-DD` = end of that day, or an ISO date-time); default: now. */
  readonly asOf?: string;
  /** 1..500, default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /**
   * Only these owners' records, plus unowned records (all, or of the given kinds); absent: everyone's.
   * Judged on the records' current owners, also with `asOf`.
   */
  readonly visibleTo?: RecordVisibility;
  /** `conforming`: only records whose history (at `asOf`) has no StageRecorded; default `all`. */
  readonly conformance?: Conformance;
  /** true: only unowned records (the lead pool), judged on their current owners like `visibleTo`. */
  readonly pool?: boolean;
  /** Only records pinned to this version of their blueprint now (after any migration), also with `asOf`. */
  readonly blueprintVersion?: number;
}

export interface RecordVisibility {
  readonly owners: readonly string[];
  readonly unowned: 'all' | { readonly kinds: readonly string[] };
  /**
   * When present, unowned leads only of everyone's pool and this team's (README, Lead pool); absent:
   * every unowned record `unowned` allows.
   */
  readonly poolTeam?: string | null;
}

export interface RecordListItem {
  readonly kind: string;
  readonly recordId: string;
  readonly stage: string;
  readonly owner: string | null;
  readonly name: string | null;
  readonly fields: FieldValues;
  readonly openedAt: string;
  /** Business time of the last change (at or before `asOf`). */
  readonly updatedAt: string;
  /** False once the history has a stage move no blueprint transition explains (StageRecorded). */
  readonly conforming: boolean;
}

export interface RecordPage {
  readonly items: readonly RecordListItem[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  readonly asOf: string | null;
}

interface ListRow {
  readonly kind: string;
  readonly record_id: string;
  readonly stage: string;
  readonly owner: string | null;
  readonly name: string | null;
  readonly fields: string;
  readonly opened_at: string;
  readonly updated_at: string;
  readonly conforming: number;
}

const defaultLimit = 50;
const maxLimit = 500;

type CursorKey = [openedAt: string, kind: string, recordId: string];

const encodeCursor = (row: ListRow): string => Buffer.from(JSON.stringify([row.opened_at, row.kind, row.record_id])).toString('base64url');

const decodeCursor = (cursor: string): CursorKey => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) return key as CursorKey;
  } catch {
    // falls through to the error below: a cursor is opaque, any damage is the same mistake
  }
  throw invalidQuery('the cursor is not one this query returned', { cursor });
};

const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

const checkLimit = (limit: number | undefined): number => {
  const value = limit ?? defaultLimit;
  if (!Number.isInteger(value) || value < 1 || value > maxLimit) throw invalidQuery(`limit must be 1..${maxLimit}, not ${limit}`);
  return value;
};

const visibilityCondition = (visibility: RecordVisibility, parameters: Record<string, string | number>): string => {
  const placeholders = (prefix: string, values: readonly string[]): string =>
    values
      .map((value, index) => {
        parameters[`${prefix}${index}`] = value;
        return `@${prefix}${index}`;
      })
      .join(', ');
  const visible = [`owner IN (${placeholders('visibleOwner', visibility.owners)})`];
  let pool = '';
  if (visibility.poolTeam !== undefined) {
    // Another team's pool is theirs; everyone's pool (no team) is everyone's.
    pool = visibility.poolTeam === null ? ' AND pool_team IS NULL' : ' AND (pool_team IS NULL OR pool_team = @visiblePoolTeam)';
    if (visibility.poolTeam !== null) parameters['visiblePoolTeam'] = visibility.poolTeam;
  }
  if (visibility.unowned === 'all') visible.push(`(owner IS NULL${pool})`);
  else if (visibility.unowned.kinds.length > 0) visible.push(`(owner IS NULL AND kind IN (${placeholders('visibleKind', visibility.unowned.kinds)})${pool})`);
  return `(${visible.join(' OR ')})`;
};

/** Whether a record with this kind, (current) owner and pool team is visible: the same rule as `visibilityCondition`. */
export const isVisibleTo = (
  visibility: RecordVisibility,
  record: { readonly kind: string; readonly owner: string | null; readonly poolTeam?: string | null },
): boolean => {
  if (record.owner !== null) return visibility.owners.includes(record.owner);
  const inItsPool = visibility.poolTeam === undefined || record.poolTeam === undefined || record.poolTeam === null || record.poolTeam === visibility.poolTeam;
  return inItsPool && (visibility.unowned === 'all' || visibility.unowned.kinds.includes(record.kind));
};

/**
 * Lists records, filtered and paginated by keyset on (opened at, kind, id): an order that never changes
 * for a record, so pages stay stable while records are updated. With `asOf` the same list is read from
 * the validity intervals of `record_versions`.
 */
export const listRecords = (db: Database, query: RecordListQuery = {}): RecordPage => {
  requireTables(db, 'records', ['records', 'record_versions']);
  const limit = checkLimit(query.limit);
  const asOf = query.asOf === undefined ? null : parseAsOf(query.asOf);
  const conditions: string[] = conformanceOf(query.conformance) === 'conforming' ? ['conforming = 1'] : [];
  const parameters: Record<string, string | number> = { limit: limit + 1 };
  if (asOf !== null) {
    conditions.push('valid_from <= @asOf', '(valid_to IS NULL OR valid_to > @asOf)');
    parameters['asOf'] = asOf;
  }
  const filters: [keyof RecordListQuery, string][] = [
    ['kind', 'kind = @kind'],
    ['stage', 'stage = @stage'],
    ['owner', 'owner = @owner'],
  ];
  for (const [name, condition] of filters) {
    const value = query[name];
    if (typeof value === 'string') {
      conditions.push(condition);
      parameters[name] = value;
    }
  }
  if (query.pool === true) {
    // The pool is who holds a record now, also as of a past moment (like the read rule).
    conditions.push(asOf === null ? 'owner IS NULL' : '(kind, record_id) IN (SELECT kind, record_id FROM records WHERE owner IS NULL)');
  }
  if (query.blueprintVersion !== undefined) {
    // The version a record decides with is today's fact, as the read rule is.
    conditions.push(asOf === null ? 'blueprint_version = @blueprintVersion' : '(kind, record_id) IN (SELECT kind, record_id FROM records WHERE blueprint_version = @blueprintVersion)');
    parameters['blueprintVersion'] = query.blueprintVersion;
  }
  if (query.visibleTo !== undefined) {
    const visible = visibilityCondition(query.visibleTo, parameters);
    // As of a past moment, who may read a record now decides, not who owned it then.
    conditions.push(asOf === null ? visible : `(kind, record_id) IN (SELECT kind, record_id FROM records WHERE ${visible})`);
  }
  if (query.text !== undefined && query.text.length > 0) {
    conditions.push("name_folded LIKE @text ESCAPE '\\'");
    parameters['text'] = likePattern(query.text);
  }
  if (query.cursor !== undefined) {
    const [openedAt, kind, recordId] = decodeCursor(query.cursor);
    conditions.push('(opened_at, kind, record_id) > (@cursorOpenedAt, @cursorKind, @cursorRecordId)');
    Object.assign(parameters, { cursorOpenedAt: openedAt, cursorKind: kind, cursorRecordId: recordId });
  }
  const source =
    asOf === null
      ? 'SELECT kind, record_id, stage, owner, name, fields, opened_at, updated_at, conforming FROM records'
      : 'SELECT kind, record_id, stage, owner, name, fields, opened_at, valid_from AS updated_at, conforming FROM record_versions';
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.prepare(`${source} ${where} ORDER BY opened_at, kind, record_id LIMIT @limit`).all(parameters) as ListRow[];
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      kind: row.kind,
      recordId: row.record_id,
      stage: row.stage,
      owner: row.owner,
      name: row.name,
      fields: JSON.parse(row.fields) as FieldValues,
      openedAt: row.opened_at,
      updatedAt: row.updated_at,
      conforming: row.conforming === 1,
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    asOf,
  };
};

/**
 * Open records (not in one of `finalStages`) per owner, every owner asked included (0 when none): what
 * the assignment rules balance and cap, and a rep's claim cap counts (README, Assignment rules).
 */
export const openRecordsByOwner = (
  db: Database,
  query: { readonly kind: string; readonly owners: readonly string[]; readonly finalStages: readonly string[] },
): Map<string, number> => {
  requireTables(db, 'records', ['records']);
  const counts = new Map(query.owners.map((owner) => [owner, 0]));
  if (query.owners.length === 0) return counts;
  const owners = query.owners.map((_, index) => `@owner${index}`).join(', ');
  const finals = query.finalStages.map((_, index) => `@final${index}`).join(', ');
  const parameters: Record<string, string> = { kind: query.kind };
  query.owners.forEach((owner, index) => (parameters[`owner${index}`] = owner));
  query.finalStages.forEach((stage, index) => (parameters[`final${index}`] = stage));
  const rows = db
    .prepare(`SELECT owner, COUNT(*) AS open FROM records WHERE kind = @kind AND owner IN (${owners})${finals === '' ? '' : ` AND stage NOT IN (${finals})`} GROUP BY owner`)
    .all(parameters) as { owner: string; open: number }[];
  for (const row of rows) counts.set(row.owner, row.open);
  return counts;
};

/**
 * Records of `kind` whose `field`, made comparable by `keyOf`, equals `key`: what a conversion links
 * instead of opening a duplicate. Reads the current rows, so a record stored a moment ago may not be
 * here yet (README, "Conversion"). Linear in the kind's records holding the field.
 */
export const recordsMatching = (db: Database, kind: string, field: string, key: string, keyOf: (value: string) => string | null): string[] => {
  requireTables(db, 'records', ['records']);
  const rows = db
    .prepare<[string, string], { record_id: string; value: string }>(
      "SELECT record_id, CAST(json_extract(fields, '$.' || ?) AS TEXT) AS value FROM records WHERE kind = ? AND value IS NOT NULL ORDER BY record_id",
    )
    .all(`"${field.replace(/"/g, '')}"`, kind);
  return rows.filter((row) => keyOf(row.value) === key).map((row) => row.record_id);
};

interface VersionStageCount {
  readonly version: number;
  readonly stage: string;
  readonly records: number;
}

/** The records pinned to one published version now. */
export interface BlueprintVersionCount {
  readonly ref: BlueprintRef;
  /** In any stage. */
  readonly records: number;
  /** Of those, not in a final stage of this version: what a migration would move. */
  readonly live: number;
  /** By stage, every stage of the version listed (0 when empty). */
  readonly byStage: Readonly<Record<string, number>>;
}

/** How many records each given version of one blueprint holds now, by stage (`versions` oldest first). */
export const blueprintVersionCounts = (db: Database, versions: readonly { readonly ref: BlueprintRef; readonly definition: BlueprintDefinition }[]): BlueprintVersionCount[] => {
  requireTables(db, 'records', ['records']);
  const id = versions[0]?.ref.id ?? '';
  const counts = db
    .prepare<[string], VersionStageCount>('SELECT blueprint_version AS version, stage, COUNT(*) AS records FROM records WHERE blueprint_id = ? GROUP BY blueprint_version, stage')
    .all(id);
  return versions.map(({ ref, definition }) => {
    const byStage: Record<string, number> = Object.fromEntries(definition.stages.map((stage) => [stage.id, 0]));
    for (const count of counts) if (count.version === ref.version) byStage[count.stage] = (byStage[count.stage] ?? 0) + count.records;
    const final = new Set(definition.stages.filter((stage) => stage.final).map((stage) => stage.id));
    const entries = Object.entries(byStage);
    return {
      ref,
      records: entries.reduce((sum, [, count]) => sum + count, 0),
      live: entries.reduce((sum, [stage, count]) => sum + (final.has(stage) ? 0 : count), 0),
      byStage,
    };
  });
};

/** A record pinned to a blueprint version now, as a migration plan reads it. */
export interface RecordOnVersion {
  readonly recordId: string;
  readonly stage: string;
  readonly fields: FieldValues;
  readonly revision: number;
}

/** The records of `kind` pinned to blueprint `id` version `version` now, outside `finalStages`, by id. */
export const recordsOnVersion = (
  db: Database,
  query: { readonly kind: string; readonly blueprintId: string; readonly version: number; readonly finalStages: readonly string[] },
): RecordOnVersion[] => {
  requireTables(db, 'records', ['records']);
  const finals = new Set(query.finalStages);
  return db
    .prepare<[string, string, number], { record_id: string; stage: string; fields: string; revision: number }>(
      'SELECT record_id, stage, fields, revision FROM records WHERE kind = ? AND blueprint_id = ? AND blueprint_version = ? ORDER BY record_id',
    )
    .all(query.kind, query.blueprintId, query.version)
    .filter((row) => !finals.has(row.stage))
    .map((row) => ({ recordId: row.record_id, stage: row.stage, fields: JSON.parse(row.fields) as FieldValues, revision: row.revision }));
};

import type { Database } from 'better-sqlite3';
import { rebuildTableName, type Projection, type TableNames } from './projection';
import { ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from './projection-runtime.exception';

const tableNamePattern = /^[a-z][a-z0-9_]*$/;
const projectionNamePattern = /^[a-z][a-z0-9_-]*$/;

/** Every problem with a projection's definition that would corrupt the file or the swap, at once. */
export const checkProjections = (projections: readonly Projection[]): void => {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  const names = new Set<string>();
  for (const projection of projections) {
    if (!projectionNamePattern.test(projection.name)) problems.push(`projection "${projection.name}": name must be lower-case`);
    if (names.has(projection.name)) problems.push(`projection "${projection.name}" is registered twice`);
    names.add(projection.name);
    if (!Number.isSafeInteger(projection.version) || projection.version < 1) {
      problems.push(`projection "${projection.name}": version must be a positive integer`);
    }
    if (projection.tables.length === 0) problems.push(`projection "${projection.name}" declares no table`);
    for (const table of projection.tables) {
      if (!tableNamePattern.test(table.name) || table.name.includes('__')) {
        problems.push(`projection "${projection.name}": table "${table.name}" must be lower_snake_case without "__"`);
      }
      if (table.name.startsWith('projection_') || table.name.startsWith('sqlite_')) {
        problems.push(`projection "${projection.name}": table "${table.name}" uses a reserved prefix`);
      }
      const owner = owners.get(table.name);
      if (owner !== undefined) problems.push(`table "${table.name}" is declared by both "${owner}" and "${projection.name}"`);
      owners.set(table.name, projection.name);
    }
  }
  if (problems.length > 0) {
    throw new ProjectionRuntimeException(ProjectionRuntimeExceptionCode.INVALID_PROJECTION, problems.join('; '), { problems });
  }
};

export const tableExists = (db: Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export const createTables = (db: Database, projection: Projection, names: TableNames): void => {
  for (const table of projection.tables) {
    for (const statement of table.create(names(table.name))) db.exec(statement);
  }
};

const secondaryIndex = /^\s*CREATE\s+INDEX\s/i;

/** A table's DDL split: what the fold needs (the table, its primary key, unique indexes) and the secondary indexes. */
export interface SplitTableDefinition {
  readonly table: readonly string[];
  readonly indexes: readonly string[];
}

/**
 * Secondary indexes serve queries, not the fold (a projection looks its rows up by primary key), so a
 * rebuild builds them once after the load instead of updating them row by row. Unique indexes stay:
 * they are constraints the fold may rely on.
 */
export const splitTableDefinition = (statements: readonly string[]): SplitTableDefinition => ({
  table: statements.filter((statement) => !secondaryIndex.test(statement)),
  indexes: statements.filter((statement) => secondaryIndex.test(statement)),
});

export const dropTables = (db: Database, physicalNames: readonly string[]): void => {
  for (const name of physicalNames) db.exec(`DROP TABLE IF EXISTS "${name}"`);
};

export const rebuildTableNames =
  (generation: number): TableNames =>
  (logicalName) =>
    rebuildTableName(logicalName, generation);

/** Tables a crashed or abandoned rebuild left behind. */
export const leftoverRebuildTables = (db: Database, projection: Projection): string[] => {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return rows
    .map((row) => row.name)
    .filter((name) => projection.tables.some((table) => name.startsWith(`${table.name}__rebuild_`)));
};

/**
 * The swap, to run inside the transaction that also writes the new checkpoint: the old live tables go,
 * the rebuilt ones take their names. SQLite DDL is transactional, so a reader sees either set, whole.
 */
export const swapInRebuiltTables = (db: Database, projection: Projection, generation: number, previousLive: readonly string[]): void => {
  dropTables(db, [...new Set([...previousLive, ...projection.tables.map((table) => table.name)])]);
  for (const table of projection.tables) {
    db.exec(`ALTER TABLE "${rebuildTableName(table.name, generation)}" RENAME TO "${table.name}"`);
  }
};

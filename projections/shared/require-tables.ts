import type { Database } from 'better-sqlite3';
import { ReadModelException, ReadModelExceptionCode } from './read-model.exception';

/** A query on a file where the projection was never built names it, instead of "no such table". */
export const requireTables = (db: Database, projection: string, tables: readonly string[]): void => {
  const missing = tables.filter((table) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) === undefined);
  if (missing.length > 0) {
    throw new ReadModelException(
      ReadModelExceptionCode.NOT_BUILT,
      `the ${projection} read model is not built in this file (missing ${missing.join(', ')}); run the projections first`,
      { projection, missing },
    );
  }
};

import { createHash, type Hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { liveTableNames, type Projection, type TableNames } from './projection';

type SqlValue = string | number | bigint | Buffer | null;

const renderValue = (value: SqlValue): string => {
  if (value === null) return 'null';
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
};

const hashTable = (hash: Hash, db: Database, logicalName: string, physicalName: string): void => {
  const columns = (db.prepare(`PRAGMA table_info("${physicalName}")`).all() as { name: string }[]).map((column) => column.name);
  hash.update(`table ${logicalName}\n${columns.join(',')}\n`);
  // Ordering by every column makes the rendering independent of insertion order and physical layout.
  const orderBy = columns.map((_, index) => String(index + 1)).join(', ');
  const rows = db.prepare(`SELECT * FROM "${physicalName}" ORDER BY ${orderBy}`).raw().iterate() as IterableIterator<SqlValue[]>;
  for (const row of rows) hash.update(`${row.map(renderValue).join(',')}\n`);
};

/**
 * sha256 over a canonical rendering of a projection's tables: table by table in declared order, the column
 * names, then every row ordered by all columns. Two models built from the same events have the same digest,
 * whatever their batch boundaries, file or physical table names.
 */
export const projectionDigest = (db: Database, projection: Projection, names: TableNames = liveTableNames): string => {
  const hash = createHash('sha256');
  hash.update(`projection ${projection.name} v${projection.version}\n`);
  for (const table of projection.tables) hashTable(hash, db, table.name, names(table.name));
  return hash.digest('hex');
};

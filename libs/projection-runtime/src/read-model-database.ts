import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makePrivateDirectory, narrowDatabaseSidecars, preparePrivateDatabaseFile } from '@crm/event-store';
import { ProjectionRuntimeException, ProjectionRuntimeExceptionCode } from './projection-runtime.exception';

export const READ_MODEL_FILE_NAME = 'read-models.sqlite';

/** SQLite page cache per connection, in KiB (64 MiB). */
const PAGE_CACHE_KIB = 65_536;

/** Bumped, with a migration, whenever the runtime's own tables below change. */
const metaSchemaVersion = 1;

const metaSchema = `
  CREATE TABLE IF NOT EXISTS projection_checkpoints (
    projection     TEXT    PRIMARY KEY,
    version        INTEGER NOT NULL,
    generation     INTEGER NOT NULL,
    position       TEXT,
    events_applied INTEGER NOT NULL,
    tables         TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    error          TEXT,
    updated_at     TEXT    NOT NULL
  );
`;

export interface ReadModelDatabaseOptions {
  /** Data folder; the read models live in `<directory>/read-models.sqlite`, apart from the events. */
  readonly directory: string;
  readonly fileName?: string;
  /** For inspection (status, queries) without write access; the file must exist. */
  readonly readOnly?: boolean;
}

/**
 * The read-model store: one SQLite file in WAL mode, so queries (in this process or another) read the
 * last committed batch while a runner writes the next one or a rebuild fills its fresh tables.
 * `synchronous=NORMAL`: a power cut may lose the last batches, but rows and checkpoint are lost
 * together (one transaction), so the projection resumes from an older checkpoint without double counting.
 */
export class ReadModelDatabase {
  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {}

  static open(options: ReadModelDatabaseOptions): ReadModelDatabase {
    const file = join(options.directory, options.fileName ?? READ_MODEL_FILE_NAME);
    const readOnly = options.readOnly ?? false;
    let db: Database.Database | undefined;
    try {
      if (!readOnly) {
        // Owner-only like the events they are built from (see private-database-files in @crm/event-store).
        makePrivateDirectory(options.directory);
        preparePrivateDatabaseFile(file);
      }
      db = new Database(file, { readonly: readOnly, fileMustExist: readOnly });
      db.pragma('busy_timeout = 5000');
      // Read models are index-heavy and looked up at random by record: with SQLite's 2 MiB default, a
      // rebuild over a million events misses the cache on most lookups (64 MiB made it ~1.4× faster).
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      if (!readOnly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        createMetaSchema(db);
        narrowDatabaseSidecars(file);
      }
      return new ReadModelDatabase(db, file);
    } catch (error) {
      db?.close();
      throw new ProjectionRuntimeException(
        ProjectionRuntimeExceptionCode.READ_MODEL_UNAVAILABLE,
        `cannot open the read models at ${file}${readOnly ? ' (read-only)' : ''}: ${(error as Error).message}`,
        { file },
      );
    }
  }

  tableExists(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const createMetaSchema = (db: Database.Database): void => {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > metaSchemaVersion) {
    throw new Error(`schema version ${version} is newer than this build knows (${metaSchemaVersion}); upgrade the application`);
  }
  db.exec(metaSchema);
  db.pragma(`user_version = ${metaSchemaVersion}`);
};

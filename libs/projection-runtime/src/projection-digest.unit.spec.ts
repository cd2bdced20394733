import Database from 'better-sqlite3';
import { countingProjection } from './__fixtures__/counting.projection';
import { liveTableNames, rebuildTableName } from './projection';
import { projectionDigest } from './projection-digest';
import { ProjectionRuntimeException } from './projection-runtime.exception';
import { checkProjections, createTables } from './table-set';

describe('projection digest', () => {
  const fill = (db: Database.Database, table: string, rows: [string, number, number][]): void => {
    const insert = db.prepare(`INSERT INTO ${table} (stream, events, total) VALUES (?, ?, ?)`);
    for (const row of rows) insert.run(...row);
  };

  it('given the same rows inserted in another order into other physical tables, then the digest is the same; one changed value changes it', () => {
    const projection = countingProjection();
    const db = new Database(':memory:');
    createTables(db, projection, liveTableNames);
    createTables(db, projection, (name) => rebuildTableName(name, 3));
    fill(db, 'counted_streams', [
      ['a', 1, 5],
      ['b', 2, 7.5],
    ]);
    fill(db, 'counted_streams__rebuild_3', [
      ['b', 2, 7.5],
      ['a', 1, 5],
    ]);

    const live = projectionDigest(db, projection);
    expect(projectionDigest(db, projection, (name) => rebuildTableName(name, 3))).toBe(live);
    expect(live).toMatch(/^[0-9a-f]{64}$/);

    db.prepare("UPDATE counted_streams SET total = 7.25 WHERE stream = 'b'").run();
    expect(projectionDigest(db, projection)).not.toBe(live);
  });

  it('given a version change, then the digest changes even for the same rows (digests compare like with like)', () => {
    const db = new Database(':memory:');
    createTables(db, countingProjection(), liveTableNames);
    expect(projectionDigest(db, countingProjection({ version: 1 }))).not.toBe(projectionDigest(db, countingProjection({ version: 2 })));
  });
});

describe('projection definitions', () => {
  it('given reserved, duplicate or badly named tables and a bad version, then every problem is named at once', () => {
    const bad = { ...countingProjection(), name: 'Bad', version: 0, tables: [{ name: 'projection_x', create: () => [] }, { name: 'a__b', create: () => [] }] };
    let failure: unknown;
    try {
      checkProjections([bad, countingProjection(), countingProjection()]);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ProjectionRuntimeException);
    expect((failure as ProjectionRuntimeException).details['problems']).toEqual([
      'projection "Bad": name must be lower-case',
      'projection "Bad": version must be a positive integer',
      'projection "Bad": table "projection_x" uses a reserved prefix',
      'projection "Bad": table "a__b" must be lower_snake_case without "__"',
      'projection "counting" is registered twice',
      'table "counted_streams" is declared by both "counting" and "counting"',
      'table "counted_log" is declared by both "counting" and "counting"',
    ]);
  });
});

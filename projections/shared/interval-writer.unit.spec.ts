import Database from 'better-sqlite3';
import type { WriteMode } from '@crm/projection-runtime';
import { intervalWriter, type IntervalWriter } from './interval-writer';

const MODES: readonly WriteMode[] = ['live', 'rebuild'];

describe.each(MODES)('validity intervals (%s storage)', (mode) => {
  const open = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE facts (id TEXT, valid_from TEXT, valid_to TEXT, stage TEXT, owner TEXT, PRIMARY KEY (id, valid_from))');
    return { db, writer: intervalWriter(db, mode, 'facts', ['id'], ['stage', 'owner']) };
  };
  /** The table as a reader sees it once the writer is done (a rebuild writes what it holds at its finish). */
  const rows = (db: Database.Database, writer: IntervalWriter) => {
    writer.finish();
    return db.prepare('SELECT id, valid_from, valid_to, stage, owner FROM facts ORDER BY id, valid_from').all();
  };

  it('given changes at later times, then each closes the open interval and opens the next', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'ann' });
    expect(rows(db, writer)).toEqual([
      { id: 'a', valid_from: 't1', valid_to: 't2', stage: 'new', owner: 'ann' },
      { id: 'a', valid_from: 't2', valid_to: null, stage: 'won', owner: 'ann' },
    ]);
  });

  it('given an unchanged fact, then nothing is written; given a change at the same instant, then the open interval is rewritten', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'bob' });
    expect(writer.current({ id: 'a' })).toMatchObject({ valid_from: 't2', valid_to: null, stage: 'won', owner: 'bob' });
    expect(rows(db, writer)).toEqual([
      { id: 'a', valid_from: 't1', valid_to: 't2', stage: 'new', owner: 'ann' },
      { id: 'a', valid_from: 't2', valid_to: null, stage: 'won', owner: 'bob' },
    ]);
  });

  it('given a fact cleared, then its interval ends; cleared at the instant it started, then the interval never held', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: null });
    writer.set({ id: 'a' }, 't2', null);
    writer.set({ id: 'a' }, 't3', { stage: 'again', owner: null });
    writer.set({ id: 'a' }, 't3', null);
    expect(writer.current({ id: 'a' })).toBeUndefined();
    expect(rows(db, writer)).toEqual([{ id: 'a', valid_from: 't1', valid_to: 't2', stage: 'new', owner: null }]);
  });

  it('given several keys changing in turn, with a missing column, then each key keeps its own intervals and the missing column is null', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new' });
    writer.set({ id: 'b' }, 't1', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won' });
    writer.set({ id: 'b' }, 't3', null);
    writer.set({ id: 'b' }, 't4', { stage: 'lost', owner: 'bob' });
    expect(rows(db, writer)).toEqual([
      { id: 'a', valid_from: 't1', valid_to: 't2', stage: 'new', owner: null },
      { id: 'a', valid_from: 't2', valid_to: null, stage: 'won', owner: null },
      { id: 'b', valid_from: 't1', valid_to: 't3', stage: 'new', owner: 'ann' },
      { id: 'b', valid_from: 't4', valid_to: null, stage: 'lost', owner: 'bob' },
    ]);
  });
});

import Database from 'better-sqlite3';
import { IntervalWriter } from './interval-writer';

describe('validity intervals', () => {
  const open = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE facts (id TEXT, valid_from TEXT, valid_to TEXT, stage TEXT, owner TEXT)');
    return { db, writer: new IntervalWriter(db, 'facts', ['id'], ['stage', 'owner']) };
  };
  const rows = (db: Database.Database) => db.prepare('SELECT valid_from, valid_to, stage, owner FROM facts ORDER BY valid_from').all();

  it('given changes at later times, then each closes the open interval and opens the next', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'ann' });
    expect(rows(db)).toEqual([
      { valid_from: 't1', valid_to: 't2', stage: 'new', owner: 'ann' },
      { valid_from: 't2', valid_to: null, stage: 'won', owner: 'ann' },
    ]);
  });

  it('given an unchanged fact, then nothing is written; given a change at the same instant, then the open interval is rewritten', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'new', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'ann' });
    writer.set({ id: 'a' }, 't2', { stage: 'won', owner: 'bob' });
    expect(rows(db)).toEqual([
      { valid_from: 't1', valid_to: 't2', stage: 'new', owner: 'ann' },
      { valid_from: 't2', valid_to: null, stage: 'won', owner: 'bob' },
    ]);
  });

  it('given a fact cleared, then its interval ends; cleared at the instant it started, then the interval never held', () => {
    const { db, writer } = open();
    writer.set({ id: 'a' }, 't1', { stage: 'new', owner: null });
    writer.set({ id: 'a' }, 't2', null);
    writer.set({ id: 'a' }, 't3', { stage: 'again', owner: null });
    writer.set({ id: 'a' }, 't3', null);
    expect(rows(db)).toEqual([{ valid_from: 't1', valid_to: 't2', stage: 'new', owner: null }]);
  });
});

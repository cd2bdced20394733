import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@crm/clock';
import { newEvents, rejectionOf } from '../contract';
import { validateAppend } from '../append-input.validation';
import { EventStoreExceptionCode } from '../event-store.exception';
import { endWriterThreadForTest, WriterThread } from './group-committer';
import { SqliteEventStore } from './sqlite-event-store';

const recordedAt = '2026-11-29T04:00:00.000Z';

const storedRows = (file: string): { stream: string; revision: number }[] => {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return reader.prepare<[], { stream: string; revision: number }>('SELECT stream, revision FROM events ORDER BY position').all();
  } finally {
    reader.close();
  }
};

describe('the SQLite writer thread', () => {
  let directory: string;
  let file: string;
  const writers: WriterThread[] = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-writer-thread-'));
    file = join(directory, 'events.sqlite');
    // The store creates the file and its schema; the writer thread only ever opens an existing one.
    await (await SqliteEventStore.open({ directory, clock: systemClock, writer: 'event-loop' })).close();
  });

  afterEach(async () => {
    await Promise.all(writers.splice(0).map((writer) => writer.close()));
    rmSync(directory, { recursive: true, force: true });
  });

  const start = async (): Promise<WriterThread> => {
    const writer = await WriterThread.start(file);
    writers.push(writer);
    return writer;
  };

  it('given a group of appends, when the thread commits it, then each member has its result and another connection reads them at once', async () => {
    const writer = await start();

    const outcomes = await writer.commit(
      [validateAppend('deal-1', newEvents(2), 'no_stream'), validateAppend('deal-2', newEvents(1), 'no_stream')],
      recordedAt,
    );

    expect(outcomes.map((outcome) => outcome.ok && outcome.result.nextExpectedRevision)).toEqual([1, 0]);
    expect(storedRows(file)).toEqual([
      { stream: 'deal-1', revision: 0 },
      { stream: 'deal-1', revision: 1 },
      { stream: 'deal-2', revision: 0 },
    ]);
  });

  it('given a member with a stale expected revision, when its group commits, then only that member fails, with the typed conflict', async () => {
    const writer = await start();
    await writer.commit([validateAppend('deal-1', newEvents(1), 'no_stream')], recordedAt);

    const [stale, fresh] = await writer.commit(
      [validateAppend('deal-1', newEvents(1), 'no_stream'), validateAppend('deal-1', newEvents(1), 0)],
      recordedAt,
    );

    expect(stale).toMatchObject({ ok: false, error: { code: EventStoreExceptionCode.WRONG_EXPECTED_REVISION, details: { actualRevision: 0 } } });
    expect(stale?.ok === false && stale.error.name).toBe('EventStoreException');
    expect(fresh).toMatchObject({ ok: true, result: { nextExpectedRevision: 1 } });
  });

  it('given the thread ends while a group is handed over, then the group fails as UNAVAILABLE, in doubt, and the same append retried is stored exactly once by a new thread', async () => {
    const writer = await start();
    const append = validateAppend('deal-1', newEvents(2), 'no_stream');

    const ending = endWriterThreadForTest();
    const handedOver = writer.commit([append], recordedAt);
    await ending;
    const lost = await rejectionOf(handedOver);

    expect(lost.code).toBe(EventStoreExceptionCode.UNAVAILABLE);
    expect(lost.message).toMatch(/may or may not be stored/);
    const [retried] = await writer.commit([append], recordedAt);
    const [retriedAgain] = await writer.commit([append], recordedAt);
    expect(retried).toMatchObject({ ok: true, result: { nextExpectedRevision: 1 } });
    expect(retriedAgain).toEqual(retried);
    expect(storedRows(file)).toHaveLength(2);
  });

  it('given a file that is not a store, when the thread starts, then starting fails and names the problem', async () => {
    await expect(WriterThread.start(join(directory, 'missing', 'events.sqlite'))).rejects.toThrow(/unable to open|SQLITE_CANTOPEN|directory does not exist/i);
  });
});

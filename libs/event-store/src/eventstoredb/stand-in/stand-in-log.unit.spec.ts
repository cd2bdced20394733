import { StandInLog, type ProposedRecord } from './stand-in-log';

const record = (id: string, type = 'DealMoved'): ProposedRecord => ({
  id,
  type,
  contentType: 'application/json',
  data: new TextEncoder().encode('{}'),
  metadata: new Uint8Array(),
});

const userEvents = (log: StandInLog) => log.events.filter((event) => !event.stream.startsWith('$'));

describe('StandInLog (the wire-level stand-in log)', () => {
  it('given a fresh log, then it holds a few system events, like a fresh server, at positions from the first one', () => {
    const log = new StandInLog({ firstPosition: 2n ** 60n });

    expect(log.events.length).toBeGreaterThan(0);
    expect(log.events.every((event) => event.stream.startsWith('$') && event.type.startsWith('$'))).toBe(true);
    expect(log.events[0]?.position).toBe(2n ** 60n);
  });

  it('given writes, then positions grow by each record size, never by one, and revisions count per stream', () => {
    const log = new StandInLog();
    log.append('a', { kind: 'no_stream' }, [record('1'), record('2')]);
    log.append('b', { kind: 'any' }, [record('3')]);

    const [first, second, third] = userEvents(log);
    expect([first?.revision, second?.revision, third?.revision]).toEqual([0, 1, 0]);
    expect(second.position - first.position).toBeGreaterThan(1n);
    expect(third.position).toBeGreaterThan(second.position);
  });

  describe('the commit check', () => {
    const logWith = (): StandInLog => {
      const log = new StandInLog();
      log.append('a', { kind: 'no_stream' }, [record('1'), record('2')]);
      log.append('a', { kind: 'revision', revision: 1 }, [record('3')]);
      return log;
    };

    it('given an expected revision behind the stream and these ids right after it, then an idempotent success with the original result', () => {
      const log = logWith();
      const original = userEvents(log)[1];

      expect(log.append('a', { kind: 'no_stream' }, [record('1'), record('2')])).toEqual({ kind: 'idempotent', lastRevision: 1, position: original.position });
      expect(userEvents(log)).toHaveLength(3);
    });

    it.each([
      ['the ids only partly right after the expected revision', { kind: 'no_stream' } as const, ['1', 'x']],
      ['other ids right after the expected revision', { kind: 'revision', revision: 0 } as const, ['x']],
      ['an expected revision ahead of the stream', { kind: 'revision', revision: 5 } as const, ['x']],
      ['an existing stream expected not to exist', { kind: 'no_stream' } as const, ['x']],
    ])('given %s, then wrong expected version with the current revision', (_, expected, ids) => {
      expect(logWith().append('a', expected, ids.map((id) => record(id)))).toEqual({ kind: 'wrong-expected-version', currentRevision: 2 });
    });

    it('given a revision on a stream that does not exist, then wrong expected version with no current revision', () => {
      expect(logWith().append('b', { kind: 'revision', revision: 0 }, [record('x')])).toEqual({ kind: 'wrong-expected-version', currentRevision: null });
    });

    it('given any, then ids all found are a retry, a first id found with others missing is a conflict, a new first id is written', () => {
      const log = logWith();

      expect(log.append('a', { kind: 'any' }, [record('2'), record('3')])).toMatchObject({ kind: 'idempotent', lastRevision: 2 });
      expect(log.append('a', { kind: 'any' }, [record('3'), record('x')])).toEqual({ kind: 'wrong-expected-version', currentRevision: 2 });
      expect(log.append('a', { kind: 'any' }, [record('y'), record('1')])).toMatchObject({ kind: 'written', lastRevision: 4 });
    });
  });

  describe('reads', () => {
    const log = new StandInLog();
    log.append('order-1', { kind: 'any' }, [record('1', 'OrderPlaced'), record('2', 'OrderShipped')]);
    log.append('customer-1', { kind: 'any' }, [record('3', 'CustomerRegistered')]);
    const [o1, o2, c1] = userEvents(log);
    const at = (position: bigint) => ({ commit: position, prepare: position });

    it('given a position, then forwards includes the event at it and backwards starts just before it', () => {
      expect(log.readAll(at(o2.position), 'forwards', 10, null).map((event) => event.id)).toEqual(['2', '3']);
      expect(log.readAll(at(o2.position), 'backwards', 1, null).map((event) => event.id)).toEqual(['1']);
      expect(log.readAll('end', 'backwards', 1, null).map((event) => event.id)).toEqual(['3']);
    });

    it('given filters by stream prefix or event type regex, then only matching events are read', () => {
      expect(log.readAll('start', 'forwards', 10, { on: 'stream-name', prefixes: ['order-'] }).map((event) => event.id)).toEqual(['1', '2']);
      expect(log.readAll('start', 'forwards', 10, { on: 'event-type', regex: /^Customer/ }).map((event) => event.id)).toEqual(['3']);
    });

    it('given a scan for a subscription, then it starts strictly after the position and reports how far it got', () => {
      const scan = log.scanAfter(at(o1.position), { on: 'event-type', regex: /^OrderShipped$/ }, 10);

      expect(scan.events.map((event) => event.id)).toEqual(['2']);
      expect(scan.scannedTo).toEqual(at(c1.position));
    });

    it('given a stream, then it reads by revision both ways, and an unknown stream is not found', () => {
      expect(log.readStream('order-1', 1, 'forwards', 10)?.map((event) => event.id)).toEqual(['2']);
      expect(log.readStream('order-1', 'end', 'backwards', 10)?.map((event) => event.id)).toEqual(['2', '1']);
      expect(log.readStream('nope', 'start', 'forwards', 10)).toBeNull();
    });
  });

  describe('what a real server does beyond the commit check', () => {
    it('given any and a server that forgot its recent writes (a restart), when the same ids come again, then they are written a second time', () => {
      const log = new StandInLog();
      log.append('a', { kind: 'any' }, [record('1')]);

      log.forgetRecentWrites();
      const again = log.append('a', { kind: 'any' }, [record('1')]);

      expect(again).toMatchObject({ kind: 'written', lastRevision: 1 });
      expect(userEvents(log).map((event) => event.id)).toEqual(['1', '1']);
    });

    it('given any and more writes since than the server remembers, then an old id is written again; an explicit revision still finds it', () => {
      const log = new StandInLog({ recentIdsRemembered: 2 });
      log.append('a', { kind: 'no_stream' }, [record('1')]);
      log.append('a', { kind: 'any' }, [record('2'), record('3')]);

      expect(log.append('a', { kind: 'no_stream' }, [record('1')])).toMatchObject({ kind: 'idempotent', lastRevision: 0 });
      expect(log.append('a', { kind: 'any' }, [record('1')])).toMatchObject({ kind: 'written', lastRevision: 3 });
    });

    it('given replication held from a stream, then its write and later ones are unreadable until released, and a retry of them is dropped', () => {
      const log = new StandInLog();
      log.append('claims', { kind: 'no_stream' }, [record('c')]);
      log.holdReplication('deal-1');

      const written = log.append('deal-1', { kind: 'no_stream' }, [record('1')]);
      const retry = log.append('deal-1', { kind: 'no_stream' }, [record('1')]);
      const whileHeld = log.readStream('deal-1', 'start', 'forwards', 10);
      log.releaseReplication();

      expect(written).toMatchObject({ kind: 'written', lastRevision: 0 });
      expect(retry).toEqual({ kind: 'idempotent-not-ready' });
      expect(whileHeld).toBeNull();
      expect(log.readStream('claims', 'start', 'forwards', 10)?.map((event) => event.id)).toEqual(['c']);
      expect(log.readStream('deal-1', 'start', 'forwards', 10)?.map((event) => event.id)).toEqual(['1']);
      expect(log.append('deal-1', { kind: 'no_stream' }, [record('1')])).toMatchObject({ kind: 'idempotent', lastRevision: 0 });
    });

    it('given a follower that sees fewer entries, then its reads stop where it lags', () => {
      const log = new StandInLog();
      log.append('a', { kind: 'no_stream' }, [record('1')]);
      const lagging = log.replicatedCount;
      log.append('a', { kind: 'revision', revision: 0 }, [record('2')]);

      expect(log.readStream('a', 'start', 'forwards', 10, lagging)?.map((event) => event.id)).toEqual(['1']);
      expect(log.readAll('end', 'backwards', 1, null, lagging).map((event) => event.id)).toEqual(['1']);
      expect(log.readStream('a', 'start', 'forwards', 10)?.map((event) => event.id)).toEqual(['1', '2']);
    });

    it('given positions, then the start of a record and anything outside the log may be read from, a position inside a record may not', () => {
      const log = new StandInLog({ firstPosition: 1_000n });
      log.append('a', { kind: 'no_stream' }, [record('1'), record('2')]);
      const [first, second] = userEvents(log);
      const at = (commit: bigint) => ({ commit, prepare: commit });

      expect(log.isReadablePosition(at(first.position))).toBe(true);
      expect(log.isReadablePosition(at(first.position + 1n))).toBe(false);
      expect(log.isReadablePosition(at(second.end))).toBe(true);
      expect(log.isReadablePosition(at(second.end + 10_000n))).toBe(true);
      expect(log.isReadablePosition(at(0n))).toBe(true);
    });
  });
});

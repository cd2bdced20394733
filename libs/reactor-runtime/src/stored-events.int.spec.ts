import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { eventually, PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { ofType, storedEvents } from './stored-events';

describe('storedEvents: the durable subscription as an Observable', () => {
  let directory: string;
  let store: SqliteEventStore;

  const append = (stream: string, type: string): Promise<unknown> => store.append(stream, [{ id: randomUUID(), type, data: { stream } }], 'any');

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-reactor-observable-'));
    store = await SqliteEventStore.open({ directory, clock: new ManualClock('2026-06-01T09:00:00.000Z'), livePollIntervalMs: 20 });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given stored events, when subscribed from the start, then it emits them in order, then the ones appended later', async () => {
    await append('deal-1', 'Opened');
    await append('deal-2', 'Opened');
    const received = firstValueFrom(storedEvents(store, { from: 'start' }).pipe(take(3), toArray()));

    await append('deal-1', 'Advanced');

    expect((await received).map((event) => `${event.stream}:${event.type}`)).toEqual(['deal-1:Opened', 'deal-2:Opened', 'deal-1:Advanced']);
  });

  it('given a filter and a position, when subscribed, then only matching events after it are emitted', async () => {
    await append('deal-1', 'Opened');
    const [first] = await store.readAll();
    await append('lead-1', 'Opened');
    await append('deal-2', 'Opened');

    const received = await firstValueFrom(storedEvents(store, { from: first.position, filter: { streamPrefixes: ['deal-'] } }).pipe(take(1), toArray()));

    expect(received.map((event) => event.stream)).toEqual(['deal-2']);
  });

  it('given a subscriber, when it unsubscribes, then the store subscription is closed', async () => {
    const subscription = storedEvents(store, { from: 'end' }).subscribe();
    expect(store.stats().openSubscriptions).toBe(1);

    subscription.unsubscribe();

    await eventually(() => expect(store.stats().openSubscriptions).toBe(0), { timeoutMs: PROBE_TIMEOUT_MS });
  });

  it('given a closed store, when subscribed, then the Observable errors instead of completing quietly', async () => {
    const errors: unknown[] = [];
    await store.close();

    storedEvents(store).subscribe({ error: (error: unknown) => errors.push(error) });

    expect(errors).toEqual([expect.objectContaining({ code: 'CLOSED' })]);
  });

  it('given mixed events, when piped through ofType, then only those types pass, typed by their type', async () => {
    await append('deal-1', 'Opened');
    await append('deal-1', 'Noted');
    await append('deal-1', 'Advanced');

    const passed: StoredEvent<'Opened' | 'Advanced'>[] = await firstValueFrom(storedEvents(store).pipe(ofType('Opened', 'Advanced'), take(2), toArray()));

    expect(passed.map((event) => event.type)).toEqual(['Opened', 'Advanced']);
  });
});

import { EMPTY, map, mergeMap, of, throwError } from 'rxjs';
import { isUuid } from '@crm/command-handler';
import { positionOf, type StoredEvent } from '@crm/event-store';
import { commandsFor, defineReactor, type ReactorCommand } from './reactor';
import { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';
import { ofType } from './stored-events';

type Sent = ReactorCommand<string[]>;

const storedEvent = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  id: '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b',
  type: 'Won',
  stream: 'deal-1',
  revision: 3,
  position: positionOf(7),
  data: { amount: 10 },
  metadata: { correlationId: 'corr-1', commandId: 'cmd-1' },
  occurredAt: '2026-06-01T09:00:00.000Z',
  recordedAt: '2026-06-01T09:00:00.000Z',
  ...overrides,
});

const noting = (note: string): Sent => ({ intent: `note ${note}`, send: async (log) => void log.push(note) });

const twoPerWin = defineReactor<string[]>({
  name: 'onboarding',
  eventTypes: ['Won'],
  startFrom: 'start',
  react: (events$) => events$.pipe(ofType('Won'), mergeMap((event) => [noting(`${event.stream}:a`), noting(`${event.stream}:b`)])),
});

describe('a reactor turns one event into traced commands', () => {
  it('given an event, when its commands are planned, then each gets an id derived from (reactor, event, index), the event as cause and its correlation', async () => {
    const event = storedEvent();

    const planned = await commandsFor(twoPerWin, event);

    expect(planned.map((command) => command.trace)).toEqual([
      { commandId: planned[0].trace.commandId, causationId: event.id, correlationId: 'corr-1' },
      { commandId: planned[1].trace.commandId, causationId: event.id, correlationId: 'corr-1' },
    ]);
    expect(planned.map((command) => command.intent)).toEqual(['note deal-1:a', 'note deal-1:b']);
    expect(isUuid(planned[0].trace.commandId)).toBe(true);
    expect(planned[0].trace.commandId).not.toBe(planned[1].trace.commandId);
  });

  it('given the same event delivered again, when its commands are planned, then they have the same ids (redelivery stores nothing twice)', async () => {
    const first = await commandsFor(twoPerWin, storedEvent());
    const again = await commandsFor(twoPerWin, storedEvent({ position: positionOf(99) }));

    expect(again.map((command) => command.trace.commandId)).toEqual(first.map((command) => command.trace.commandId));
  });

  it('given two reactors or two events, when commands are planned, then their ids differ', async () => {
    const other = defineReactor<string[]>({ ...twoPerWin, name: 'welcome' });
    const [mine] = await commandsFor(twoPerWin, storedEvent());
    const [theirs] = await commandsFor(other, storedEvent());
    const [nextEvent] = await commandsFor(twoPerWin, storedEvent({ id: '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5c' }));

    expect(new Set([mine.trace.commandId, theirs.trace.commandId, nextEvent.trace.commandId]).size).toBe(3);
  });

  it('given a UUIDv7 event id, when a command id is derived, then it keeps the event time (time-ordered ids)', async () => {
    const [command] = await commandsFor(twoPerWin, storedEvent());

    expect(command.trace.commandId.slice(0, 13)).toBe('0190a1b2-3c4d');
  });

  it('given an event without a correlation id, when its commands are planned, then the event itself is the correlation', async () => {
    const [command] = await commandsFor(twoPerWin, storedEvent({ metadata: {} }));

    expect(command.trace.correlationId).toBe('0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b');
  });

  it('given a pipeline that sends nothing for an event, when planned, then there is no command', async () => {
    const silent = defineReactor<string[]>({ ...twoPerWin, react: () => EMPTY });

    expect(await commandsFor(silent, storedEvent())).toEqual([]);
  });

  it('given a pipeline that waits for something asynchronous, when planned, then its commands are there once it completes', async () => {
    const lookingUp = defineReactor<string[]>({
      ...twoPerWin,
      react: (events$) => events$.pipe(mergeMap((event) => Promise.resolve(event.stream)), map((stream) => noting(stream))),
    });

    expect((await commandsFor(lookingUp, storedEvent())).map((command) => command.intent)).toEqual(['note deal-1']);
  });

  it('given a pipeline that errors, when planned, then PIPELINE_FAILED names the reactor and the event', async () => {
    const broken = defineReactor<string[]>({ ...twoPerWin, react: () => throwError(() => new Error('no such template')) });

    const failure = await commandsFor(broken, storedEvent()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ReactorRuntimeException);
    expect(failure).toMatchObject({
      code: ReactorRuntimeExceptionCode.PIPELINE_FAILED,
      details: { reactor: 'onboarding', eventId: '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b' },
    });
    expect((failure as Error).message).toContain('no such template');
  });

  it('given a pipeline, when it is run for one event, then the Observable it gets emits that event alone and completes', async () => {
    const seen: string[] = [];
    const watching = defineReactor<string[]>({
      ...twoPerWin,
      react: (events$) => events$.pipe(mergeMap((event) => (seen.push(event.id), of<Sent>()))),
    });

    await commandsFor(watching, storedEvent());

    expect(seen).toEqual(['0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b']);
  });
});

describe('defineReactor', () => {
  it.each([
    ['a name that is not a lower-case identifier', { name: 'On Boarding' }],
    ['no event types', { eventTypes: [] }],
  ])('given %s, when defined, then INVALID_REACTOR', (_case, overrides) => {
    expect(() => defineReactor<string[]>({ ...twoPerWin, ...overrides })).toThrow(
      expect.objectContaining({ code: ReactorRuntimeExceptionCode.INVALID_REACTOR }),
    );
  });
});

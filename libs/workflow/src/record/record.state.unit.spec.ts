import fc from 'fast-check';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import type { RecordEvent } from './record.events';
import type { FoldContext } from './record-slice';
import { RecordSlices } from './record-slices';
import { noRecord, type ExistingRecord, type RecordState } from './record.state';

const slices = new RecordSlices();
const FINAL = new Set(['won', 'lost']);
const context: FoldContext = { isFinal: (_ref, stage) => FINAL.has(stage) };
const foldRecord = (kind: string, recordId: string, events: readonly StoredEvent[]): RecordState => slices.fold(kind, recordId, events, context);
const evolveRecordWith = (state: RecordState, events: readonly StoredEvent[]): RecordState => slices.evolve(state, events, context);
const evolveRecord = (state: RecordState, event: StoredEvent): RecordState => evolveRecordWith(state, [event]);

const REF = { id: 'deal', version: 1, contentHash: 'abc' };

const stored = (event: RecordEvent | { type: string; data: JsonObject }, revision: number, commandId: string | null): StoredEvent => ({
  id: `event-${revision}`,
  type: event.type,
  stream: 'deal-r1',
  revision,
  position: { commit: BigInt(revision + 1), prepare: BigInt(revision + 1) },
  data: event.data as unknown as JsonObject,
  metadata: commandId === null ? {} : { commandId },
  occurredAt: new Date(Date.UTC(2026, 0, 1) + revision * 60_000).toISOString(),
  recordedAt: '2026-06-01T00:00:00.000Z',
});

const opened: RecordEvent = {
  type: 'RecordOpened',
  data: { recordId: 'r1', kind: 'deal', blueprint: REF, stage: 'open', owner: 'rita', fields: { name: 'Deal', budget: null } },
};

/** Any later event of a record: field changes, transitions, owner changes, tasks, and events of unknown types. */
const laterEvent: fc.Arbitrary<RecordEvent | { type: string; data: JsonObject }> = fc.oneof(
  fc.record({
    type: fc.constant('FieldsChanged' as const),
    data: fc.record({
      recordId: fc.constant('r1'),
      changes: fc.dictionary(
        fc.constantFrom('name', 'amount', 'budget', 'notes'),
        fc.record({ from: fc.constant(null), to: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)) }),
        { maxKeys: 3 },
      ),
    }),
  }),
  fc.record({
    type: fc.constant('Transitioned' as const),
    data: fc.record({ recordId: fc.constant('r1'), event: fc.constant('move'), from: fc.constant('open'), to: fc.constantFrom('open', 'won', 'lost'), reason: fc.constant(null) }),
  }),
  fc.record({ type: fc.constant('OwnerChanged' as const), data: fc.record({ recordId: fc.constant('r1'), from: fc.constant(null), to: fc.constantFrom('rita', 'raj', null) }) }),
  fc.record({
    type: fc.constant('TaskOpened' as const),
    data: fc.record({
      recordId: fc.constant('r1'),
      taskId: fc.uuid(),
      template: fc.constant('call'),
      title: fc.constant('Call'),
      stage: fc.constant('open'),
      assignee: fc.constant(null),
      dueAt: fc.constant(null),
    }),
  }),
  fc.record({ type: fc.constant('SomethingNewer'), data: fc.constant({}) }),
);

/** A stream: opened, then later events; several events may share a command id, as one command's events do. */
const history = (maxLength: number): fc.Arbitrary<StoredEvent[]> =>
  fc.array(fc.tuple(laterEvent, fc.option(fc.integer({ min: 0, max: 40 }))), { maxLength }).map((later) => [
    stored(opened, 0, 'command-open'),
    ...later.map(([event, command], index) => stored(event, index + 1, command === null ? null : `command-${command}`)),
  ]);

/** The obvious fold, copying the whole state at every event, as the specification the fast fold must meet. */
const referenceEvolve = (state: RecordState, event: StoredEvent): RecordState => {
  const data = event.data as Record<string, never>;
  if (event.type === 'RecordOpened') {
    return {
      status: 'open',
      kind: data['kind'],
      recordId: data['recordId'],
      blueprint: data['blueprint'],
      stage: data['stage'],
      owner: data['owner'],
      fields: Object.fromEntries(Object.entries(data['fields'] as object).filter(([, value]) => value !== null)),
      tasks: [],
      timers: [],
      approvals: [],
      stalledSince: null,
      revision: event.revision,
      stageEnteredAt: event.occurredAt,
      openedAt: event.occurredAt,
      updatedAt: event.occurredAt,
      parts: new Map(),
    };
  }
  if (state.status === 'none') throw new Error('not opened');
  const base: ExistingRecord = { ...state, revision: event.revision, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'FieldsChanged': {
      const changes = Object.entries(data['changes'] as Record<string, { to: string | number | null }>);
      const fields = Object.fromEntries([...Object.entries(state.fields), ...changes.map(([name, change]): [string, string | number | null] => [name, change.to])]);
      return { ...base, fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) };
    }
    case 'Transitioned':
      return { ...base, stage: data['to'], stageEnteredAt: event.occurredAt, stalledSince: null, status: FINAL.has(data['to']) ? 'closed' : 'open' };
    case 'OwnerChanged':
      return { ...base, owner: data['to'] };
    case 'TaskOpened':
      return {
        ...base,
        tasks: [
          ...state.tasks,
          { taskId: data['taskId'], template: data['template'], title: data['title'], stage: data['stage'], assignee: data['assignee'], dueAt: data['dueAt'], status: 'open', keepOpen: false, closedAt: null, closedBy: null },
        ],
      };
    default:
      return base;
  }
};

/** A deep, comparable copy of a state. */
const snapshotOf = (state: RecordState) =>
  state.status === 'none' ? { ...state } : { ...state, fields: { ...state.fields }, tasks: [...state.tasks], parts: [...state.parts] };

describe('foldRecord', () => {
  it('given a record opened, changed, moved, reassigned and given a task, when folded, then the state says so', () => {
    const events = [
      stored(opened, 0, 'c1'),
      stored({ type: 'FieldsChanged', data: { recordId: 'r1', changes: { amount: { from: null, to: 10 }, name: { from: 'Deal', to: null } } } }, 1, 'c2'),
      stored({ type: 'Transitioned', data: { recordId: 'r1', event: 'win', from: 'open', to: 'won', reason: null } }, 2, 'c3'),
      stored({ type: 'TaskOpened', data: { recordId: 'r1', taskId: 't1', template: 'thank', title: 'Thank them', stage: 'won', assignee: null, dueAt: null } }, 3, 'c3'),
      stored({ type: 'OwnerChanged', data: { recordId: 'r1', from: 'rita', to: 'raj' } }, 4, 'c4'),
    ];

    expect(snapshotOf(foldRecord('deal', 'r1', events))).toEqual({
      status: 'closed',
      recordId: 'r1',
      kind: 'deal',
      blueprint: REF,
      stage: 'won',
      owner: 'raj',
      fields: { amount: 10 },
      tasks: [{ taskId: 't1', template: 'thank', title: 'Thank them', stage: 'won', assignee: null, dueAt: null, status: 'open', keepOpen: false, closedAt: null, closedBy: null }],
      timers: [],
      approvals: [],
      stalledSince: null,
      revision: 4,
      stageEnteredAt: events[2]?.occurredAt,
      openedAt: events[0]?.occurredAt,
      updatedAt: events[4]?.occurredAt,
      parts: [],
    });
  });

  it('given a long record, when folded at once, then it equals the event-by-event fold and the obvious copying fold', () => {
    fc.assert(
      fc.property(history(1_500), (events) => {
        const stepByStep = events.reduce(evolveRecord, noRecord('deal', 'r1') as RecordState);
        const reference = events.reduce(referenceEvolve, noRecord('deal', 'r1') as RecordState);

        expect(snapshotOf(foldRecord('deal', 'r1', events))).toEqual(snapshotOf(stepByStep));
        expect(snapshotOf(stepByStep)).toEqual(snapshotOf(reference));
      }),
      { numRuns: 25 },
    );
  });

  it('given a record folded in two parts, when the second part is folded onto the first, then it equals the fold of the whole', () => {
    fc.assert(
      fc.property(history(200), fc.nat(), (events, at) => {
        const cut = at % (events.length + 1);
        const inTwo = evolveRecordWith(foldRecord('deal', 'r1', events.slice(0, cut)), events.slice(cut));

        expect(snapshotOf(inTwo)).toEqual(snapshotOf(foldRecord('deal', 'r1', events)));
      }),
    );
  });

  it('given a state, when more events are folded onto it, then the state itself is left as it was', () => {
    fc.assert(
      fc.property(history(100), history(30), (first, more) => {
        const before = foldRecord('deal', 'r1', first);
        const copy = snapshotOf(before);
        const continued = more.slice(1).map((event, index) => ({ ...event, revision: before.revision + 1 + index }));

        evolveRecordWith(before, continued);
        continued.forEach((event) => evolveRecord(before, event));

        expect(snapshotOf(before)).toEqual(copy);
      }),
    );
  });
});

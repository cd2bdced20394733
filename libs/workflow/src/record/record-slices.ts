import { EventSchemas, type EventSchema, type StoredEvent } from '@crm/event-store';
import { approvalsSlice } from '../approvals/approvals.slice';
import { conversionSlice } from '../conversion/conversion.slice';
import { coreSlice } from '../core/core.slice';
import { historyImportSlice } from '../history-import/history-import.slice';
import { leadPoolSlice } from '../lead-pool/lead-pool.slice';
import { leadDedupSlice } from '../lead-dedup/lead-dedup.slice';
import { migrationSlice } from '../migration/migration.slice';
import { ordersSlice } from '../orders/orders.slice';
import { ownershipSlice } from '../ownership/ownership.slice';
import { quoteLinesSlice } from '../quote-lines/quote-lines.slice';
import { scoringSlice } from '../scoring/scoring.slice';
import { tasksSlice } from '../tasks/tasks.slice';
import { timersSlice } from '../timers/timers.slice';
import { transitionSlice } from '../transition/transition.slice';
import type { RecordCommandBase } from './record-command';
import type { RecordEventBase } from './record-event';
import { isOpeningFold, type CommandHandling, type DecisionFollower, type EventFold, type FoldContext, type RecordSlice } from './record-slice';
import { draftOf, noRecord, type RecordDraft, type RecordState } from './record.state';

/** The slices every record has, in the order their command types are listed in messages. */
export const RECORD_SLICES: readonly RecordSlice[] = [coreSlice, transitionSlice, ownershipSlice, historyImportSlice, tasksSlice, timersSlice, approvalsSlice, leadPoolSlice, leadDedupSlice, scoringSlice, conversionSlice, migrationSlice, ordersSlice, quoteLinesSlice];

/** A command's handling whose decision also has what the followers add to it (nothing when it decided nothing). */
const followed = (handling: CommandHandling<RecordCommandBase>, followers: readonly DecisionFollower[]): CommandHandling<RecordCommandBase> =>
  followers.length === 0
    ? handling
    : {
        ...handling,
        decide: (command, state, context) => {
          const decided = handling.decide(command, state, context);
          if (decided.length === 0) return decided;
          return followers.reduce((events, follower) => [...events, ...follower.follow(command, state, events, context)], decided);
        },
      };

/**
 * The record's features looked up by command and event type. The decider, the fold and command
 * validation ask this registry; none of them lists the types themselves, so a slice plugs in by being
 * registered.
 */
export class RecordSlices {
  private readonly commandHandlings = new Map<string, CommandHandling<RecordCommandBase>>();
  private readonly eventFolds = new Map<string, EventFold<RecordEventBase>>();
  /** The schema versions the slices' events are at: stores upcast to them, the command handler stamps them. */
  readonly eventSchemas: EventSchemas;

  constructor(readonly slices: readonly RecordSlice[] = RECORD_SLICES) {
    const followers = slices.flatMap((slice) => (slice.follows === undefined ? [] : [slice.follows]));
    for (const slice of slices) {
      for (const [type, handling] of Object.entries(slice.commands)) {
        if (this.commandHandlings.has(type)) throw new Error(`record slice "${slice.name}" declares command ${type}, which another slice declares`);
        this.commandHandlings.set(type, followed(handling, followers));
      }
      for (const [type, fold] of Object.entries(slice.events)) {
        if (this.eventFolds.has(type)) throw new Error(`record slice "${slice.name}" declares event ${type}, which another slice declares`);
        this.eventFolds.set(type, fold);
      }
    }
    const schemas: Record<string, EventSchema> = {};
    for (const [type, fold] of this.eventFolds) if (fold.schema !== undefined) schemas[type] = fold.schema;
    this.eventSchemas = new EventSchemas(schemas);
  }

  get commandTypes(): string[] {
    return [...this.commandHandlings.keys()];
  }

  get eventTypes(): string[] {
    return [...this.eventFolds.keys()];
  }

  handling(type: string): CommandHandling<RecordCommandBase> | undefined {
    return this.commandHandlings.get(type);
  }

  /**
   * Pure: the state after `events`, oldest first. `state` is left as it was; the result shares nothing
   * mutable with it. Events of types no slice declares only advance the revision (forward compatibility).
   * Linear in the events plus one copy of the state.
   */
  evolve(state: RecordState, events: readonly StoredEvent[], context: FoldContext): RecordState {
    if (events.length === 0) return state;
    let draft: RecordDraft | null = state.status === 'none' ? null : draftOf(state);
    for (const event of events) {
      // Where stored JSON becomes typed: the fold was found by this event's type name, and only that
      // slice's decisions store events of that type, so the data has the shape the fold declares.
      const fold = this.eventFolds.get(event.type);
      if (fold !== undefined && isOpeningFold(fold)) {
        if (draft !== null) throw new Error(`${event.type} at revision ${event.revision} of ${event.stream}, which is already open`);
        draft = fold.opens(noRecord(state.kind, state.recordId), event as StoredEvent & RecordEventBase, context);
      } else if (fold !== undefined) {
        if (draft === null) throw new Error(`${event.type} at revision ${event.revision} of ${event.stream}, before the record was opened`);
        fold.evolve(draft, event as StoredEvent & RecordEventBase, context);
      }
      if (draft !== null) {
        draft.revision = event.revision;
        draft.updatedAt = event.occurredAt;
      }
    }
    return draft ?? state;
  }

  fold(kind: string, recordId: string, events: readonly StoredEvent[], context: FoldContext): RecordState {
    return this.evolve(noRecord(kind, recordId), events, context);
  }
}

import type { Actor, CompiledBlueprint, FieldValues, TransitionDefinition, UnmetCriterion } from '@crm/blueprint';
import type { EventStore, JsonObject, Position, StoredEvent } from '@crm/event-store';
import { approvalFacts } from '../approvals/approval-requests';
import type { BlueprintCatalog } from '../blueprint-catalog/blueprint-catalog';
import { taskFacts } from '../record/record-facts';
import type { FoldContext } from '../record/record-slice';
import { RecordSlices } from '../record/record-slices';
import { recordStreamPrefix } from '../record/record-stream';
import { noRecord, type ExistingRecord, type RecordState } from '../record/record.state';

/** Which recorded history a what-if replays: records of the draft's blueprint opened in [from, to] (business time). */
export interface WhatIfWindow {
  /** ISO date-time; absent: from the first record. */
  readonly from?: string;
  /** ISO date-time; absent: up to the last record. */
  readonly to?: string;
}

/** A past transition the draft would have refused, judged on the record as it was at that moment. */
export interface RefusedTransition {
  readonly recordId: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly occurredAt: string;
  readonly unmet: readonly UnmetCriterion[];
}

/** How many past transitions one rule of the draft would have refused (a field, an expression, a stage, …). */
export interface RuleCount {
  readonly event: string;
  readonly criterion: UnmetCriterion['criterion'];
  readonly field?: string;
  readonly expression?: string;
  readonly message: string;
  readonly count: number;
}

/** A record the draft would have left elsewhere: it stopped at the first move the draft refused. */
export interface RecordElsewhere {
  readonly recordId: string;
  readonly stage: string;
  readonly draftStage: string;
}

/** Records that reached each stage of the draft, in stage order: as recorded, and as the draft would have let them. */
export interface FunnelStep {
  readonly stage: string;
  readonly title: string;
  readonly recorded: number;
  readonly draft: number;
}

export interface WhatIfReport {
  readonly blueprint: { readonly id: string; readonly version: number };
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly records: number;
  /** Events of the records' streams read and folded. */
  readonly events: number;
  /** Recorded stage moves judged (Transitioned and imported StageRecorded). */
  readonly transitions: number;
  readonly refused: readonly RefusedTransition[];
  readonly refusedByRule: readonly RuleCount[];
  readonly elsewhere: readonly RecordElsewhere[];
  readonly funnel: readonly FunnelStep[];
}

const PAGE = 2_000;
const STAGE_MOVES = new Set(['Transitioned', 'StageRecorded']);

const actorOf = (metadata: JsonObject): Actor => ({
  id: typeof metadata['actor'] === 'string' ? metadata['actor'] : '',
  roles: Array.isArray(metadata['roles']) ? metadata['roles'].filter((role): role is string => typeof role === 'string') : [],
});

const ruleKey = (unmet: UnmetCriterion): string => [unmet.event, unmet.criterion, unmet.field ?? '', unmet.expression ?? '', unmet.task ?? ''].join('\u0000');

/** The draft's candidate transitions for a recorded move, indexed once instead of filtered per move. */
const draftMovesOf = (draft: CompiledBlueprint): ((move: RecordedMove) => readonly TransitionDefinition[]) => {
  const byEvent = new Map<string, TransitionDefinition[]>();
  const byTarget = new Map<string, TransitionDefinition[]>();
  for (const transition of draft.definition.transitions) {
    byEvent.set(transition.event, [...(byEvent.get(transition.event) ?? []), transition]);
    byTarget.set(transition.to, [...(byTarget.get(transition.to) ?? []), transition]);
  }
  // An imported move names no transition: the draft's transitions into its stage are the candidates.
  return (move) => (move.event === undefined ? byTarget.get(move.to) : byEvent.get(move.event)) ?? [];
};

interface RecordedMove {
  readonly event?: string;
  readonly from: string;
  readonly to: string;
}

/**
 * One record of the draft while the log is read: its state is folded only up to each recorded move (the
 * events since are `pending`), and the fields its current command supplied are kept for `supply` criteria.
 */
interface RecordReplay {
  readonly recordId: string;
  state: RecordState;
  pending: StoredEvent[];
  commandId: unknown;
  supplied: Record<string, FieldValues[string]>;
  /** The stage as recorded (the last move's target) and where the draft would have it. */
  stage: string;
  draftStage: string;
  readonly refused: RefusedTransition[];
  readonly recordedReach: Set<string>;
  readonly draftReach: Set<string>;
}

const replayOf = (recordId: string, opening: StoredEvent, state: RecordState): RecordReplay => {
  const stage = opening.data['stage'] as string;
  return { recordId, state, pending: [], commandId: opening.metadata['commandId'], supplied: {}, stage, draftStage: stage, refused: [], recordedReach: new Set([stage]), draftReach: new Set([stage]) };
};

/** The fields the command that moved the record set with the move (its FieldsChanged), for `supply` criteria. */
const noteSupplied = (replay: RecordReplay, event: StoredEvent): void => {
  if (event.metadata['commandId'] !== replay.commandId) {
    replay.commandId = event.metadata['commandId'];
    replay.supplied = {};
  }
  if (event.type !== 'FieldsChanged') return;
  const changes = event.data['changes'] as Record<string, { readonly to: FieldValues[string] }>;
  for (const field of Object.keys(changes)) replay.supplied[field] = (changes[field] as { readonly to: FieldValues[string] }).to;
};

/**
 * Before a recorded move the draft judges it on the record as it was then (the record folded exactly as the
 * command handler folds it), while a copy of the record's stage follows only the moves the draft allows
 * from where the draft would have it.
 */
const judgeMove = (draft: CompiledBlueprint, candidatesOf: (move: RecordedMove) => readonly TransitionDefinition[], replay: RecordReplay, event: StoredEvent, slices: RecordSlices, context: FoldContext): void => {
  replay.state = slices.evolve(replay.state, replay.pending, context);
  replay.pending = [event];
  const record = replay.state as ExistingRecord;
  const move = event.data as unknown as RecordedMove;
  const criteria = {
    fields: record.fields,
    supplied: replay.supplied,
    owner: record.owner,
    actor: actorOf(event.metadata),
    tasks: taskFacts(record.tasks),
    approvals: approvalFacts(record.approvals),
  };
  const name = move.event ?? `(into ${move.to})`;
  const candidates = candidatesOf(move);
  const judged = candidates.find((transition) => transition.from.includes(record.stage)) ?? candidates[0];
  const unmet: UnmetCriterion[] =
    judged === undefined ? [{ event: name, criterion: 'stage', message: `the draft has no transition ${name}` }] : draft.unmetCriteria(judged, { stage: record.stage, ...criteria });
  if (unmet.length > 0) replay.refused.push({ recordId: replay.recordId, event: name, from: move.from, to: move.to, occurredAt: event.occurredAt, unmet });
  replay.stage = move.to;
  replay.recordedReach.add(move.to);
  const followed = candidates.find((transition) => transition.from.includes(replay.draftStage));
  if (followed === undefined) return;
  // While the draft agrees with the record, its stage is the record's and the judgement just made stands.
  const followedUnmet = followed === judged && replay.draftStage === record.stage ? unmet : draft.unmetCriteria(followed, { stage: replay.draftStage, ...criteria });
  if (followedUnmet.length > 0) return;
  replay.draftStage = followed.to;
  replay.draftReach.add(followed.to);
};

export interface WhatIfOptions {
  readonly store: EventStore;
  /** The published versions the records were opened under: their folds need them. */
  readonly catalog: BlueprintCatalog;
  /** The draft, compiled as a published version is (`compileBlueprint` of the parsed file). */
  readonly draft: CompiledBlueprint;
  readonly window?: WhatIfWindow;
  readonly slices?: RecordSlices;
}

/**
 * Replays the recorded history of the draft's records against the draft: which past moves it would have
 * refused (and why, counted by rule), which records would now sit elsewhere, and the funnel under the draft
 * beside the recorded one. Reads only: nothing is appended (README, "What-if replay").
 */
export const whatIfReplay = async (options: WhatIfOptions): Promise<WhatIfReport> => {
  const { store, catalog, draft } = options;
  const { id, kind, version } = draft.definition;
  const from = options.window?.from ?? null;
  const to = options.window?.to ?? null;
  const slices = options.slices ?? new RecordSlices();
  const context: FoldContext = { isFinal: (ref, stage) => catalog.get(ref).stage(stage)?.final === true };
  const candidatesOf = draftMovesOf(draft);
  // One pass over the kind's streams in log order, shared by every record, instead of a stream read per
  // record: a record's opening (always its first event) says whether it is the draft's and in the window.
  const prefix = recordStreamPrefix(kind);
  const replays = new Map<string, RecordReplay>();
  let events = 0;
  let transitions = 0;
  let cursor: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ from: cursor, filter: { streamPrefixes: [prefix] }, maxCount: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      let replay = replays.get(event.stream);
      if (replay === undefined) {
        if (event.type !== 'RecordOpened' || (event.data['blueprint'] as { readonly id?: string } | undefined)?.id !== id || !inWindow(event.occurredAt, from, to)) continue;
        const recordId = event.stream.slice(prefix.length);
        const state = slices.evolve(noRecord(kind, recordId), [event], context);
        if (state.status === 'none') continue;
        replays.set(event.stream, replayOf(recordId, event, state));
        events += 1;
        continue;
      }
      events += 1;
      noteSupplied(replay, event);
      if (STAGE_MOVES.has(event.type)) {
        transitions += 1;
        judgeMove(draft, candidatesOf, replay, event, slices, context);
      } else {
        replay.pending.push(event);
      }
    }
    cursor = (page[page.length - 1] as StoredEvent).position;
  }
  const refused: RefusedTransition[] = [];
  const elsewhere: RecordElsewhere[] = [];
  const recordedReach = new Map<string, number>();
  const draftReach = new Map<string, number>();
  // Record by record in the order they were opened, as a person reads the report.
  for (const replay of replays.values()) {
    refused.push(...replay.refused);
    if (replay.stage !== replay.draftStage) elsewhere.push({ recordId: replay.recordId, stage: replay.stage, draftStage: replay.draftStage });
    count(recordedReach, replay.recordedReach);
    count(draftReach, replay.draftReach);
  }
  return {
    blueprint: { id, version },
    window: { from, to },
    records: replays.size,
    events,
    transitions,
    refused,
    refusedByRule: byRule(refused),
    elsewhere,
    funnel: [...draft.definition.stages]
      .sort((a, b) => a.order - b.order)
      .map((stage) => ({ stage: stage.id, title: stage.title, recorded: recordedReach.get(stage.id) ?? 0, draft: draftReach.get(stage.id) ?? 0 })),
  };
};

const inWindow = (at: string, from: string | null, to: string | null): boolean => (from === null || at >= from) && (to === null || at <= to);

/** Each record counts once per stage it reached. */
const count = (reach: Map<string, number>, stages: ReadonlySet<string>): void => {
  for (const stage of stages) reach.set(stage, (reach.get(stage) ?? 0) + 1);
};

const byRule = (refused: readonly RefusedTransition[]): RuleCount[] => {
  const counts = new Map<string, RuleCount>();
  for (const unmet of refused.flatMap((transition) => transition.unmet)) {
    const key = ruleKey(unmet);
    const known = counts.get(key);
    counts.set(key, {
      event: unmet.event,
      criterion: unmet.criterion,
      ...(unmet.field === undefined ? {} : { field: unmet.field }),
      ...(unmet.expression === undefined ? {} : { expression: unmet.expression }),
      message: unmet.message,
      count: (known?.count ?? 0) + 1,
    });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.event.localeCompare(b.event));
};

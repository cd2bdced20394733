import type { Actor, CompiledBlueprint, FieldValues, UnmetCriterion } from '@crm/blueprint';
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

/** The fields the command that moved the record set with the move (its FieldsChanged), for `supply` criteria. */
const suppliedWith = (events: readonly StoredEvent[], moveIndex: number): FieldValues => {
  const move = events[moveIndex] as StoredEvent;
  const supplied: Record<string, FieldValues[string]> = {};
  for (let index = moveIndex - 1; index >= 0; index -= 1) {
    const event = events[index] as StoredEvent;
    if (event.metadata['commandId'] !== move.metadata['commandId']) break;
    if (event.type !== 'FieldsChanged') continue;
    const changes = event.data['changes'] as Record<string, { readonly to: FieldValues[string] }>;
    for (const [field, change] of Object.entries(changes)) supplied[field] = change.to;
  }
  return supplied;
};

const ruleKey = (unmet: UnmetCriterion): string => [unmet.event, unmet.criterion, unmet.field ?? '', unmet.expression ?? '', unmet.task ?? ''].join('\u0000');

interface RecordReplay {
  readonly refused: RefusedTransition[];
  readonly recordedStages: readonly string[];
  readonly draftStages: readonly string[];
  readonly stage: string;
  readonly draftStage: string;
}

/**
 * Replays one record's stream: the record is folded exactly as the command handler folds it, and before
 * each recorded move the draft judges that move on the record as it was then (`judged`), while a copy of the
 * record's stage follows only the moves the draft allows from where the draft would have it (`draftStage`).
 */
const replayRecord = (draft: CompiledBlueprint, slices: RecordSlices, context: FoldContext, kind: string, recordId: string, events: readonly StoredEvent[]): RecordReplay | null => {
  let state: RecordState = slices.evolve(noRecord(kind, recordId), events.slice(0, 1), context);
  if (state.status === 'none') return null;
  let folded = 1;
  let draftStage = state.stage;
  const refused: RefusedTransition[] = [];
  const recordedStages: string[] = [];
  const draftStages: string[] = [];
  for (let index = 1; index < events.length; index += 1) {
    const event = events[index] as StoredEvent;
    if (!STAGE_MOVES.has(event.type)) continue;
    state = slices.evolve(state, events.slice(folded, index), context);
    folded = index;
    const record = state as ExistingRecord;
    const move = event.data as { readonly event?: string; readonly from: string; readonly to: string };
    const criteria = {
      fields: record.fields,
      supplied: suppliedWith(events, index),
      owner: record.owner,
      actor: actorOf(event.metadata),
      tasks: taskFacts(record.tasks),
      approvals: approvalFacts(record.approvals),
    };
    // An imported move names no transition: the draft's transitions into its stage are the candidates.
    const name = move.event ?? `(into ${move.to})`;
    const candidates = draft.definition.transitions.filter((transition) => (move.event === undefined ? transition.to === move.to : transition.event === move.event));
    const judged = candidates.find((transition) => transition.from.includes(record.stage)) ?? candidates[0];
    const unmet: UnmetCriterion[] =
      judged === undefined ? [{ event: name, criterion: 'stage', message: `the draft has no transition ${name}` }] : draft.unmetCriteria(judged, { stage: record.stage, ...criteria });
    if (unmet.length > 0) refused.push({ recordId, event: name, from: move.from, to: move.to, occurredAt: event.occurredAt, unmet });
    recordedStages.push(move.to);
    const followed = candidates.find((transition) => transition.from.includes(draftStage));
    if (followed !== undefined && draft.unmetCriteria(followed, { stage: draftStage, ...criteria }).length === 0) {
      draftStage = followed.to;
      draftStages.push(followed.to);
    }
  }
  return { refused, recordedStages, draftStages, stage: recordedStages[recordedStages.length - 1] ?? (events[0] as StoredEvent).data['stage'] as string, draftStage };
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
  // The openings say which records are the draft's (its blueprint id, opened in the window); each record's
  // stream is then read, replayed and let go, one at a time, so memory holds one record's history at most.
  const prefix = recordStreamPrefix(kind);
  const streams: string[] = [];
  let cursor: Position | 'start' = 'start';
  for (;;) {
    // By type alone (SQLite indexes it); the kind's prefix is checked here.
    const page = await store.readAll({ from: cursor, filter: { eventTypes: ['RecordOpened'] }, maxCount: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.stream.startsWith(prefix) && (event.data['blueprint'] as { readonly id?: string } | undefined)?.id === id && inWindow(event.occurredAt, from, to)) streams.push(event.stream);
    }
    cursor = (page[page.length - 1] as StoredEvent).position;
  }
  let events = 0;
  const refused: RefusedTransition[] = [];
  const elsewhere: RecordElsewhere[] = [];
  const recordedReach = new Map<string, number>();
  const draftReach = new Map<string, number>();
  let transitions = 0;
  for (const stream of streams) {
    const recordEvents = await store.readStream(stream);
    events += recordEvents.length;
    const recordId = stream.slice(prefix.length);
    const replay = replayRecord(draft, slices, context, kind, recordId, recordEvents);
    if (replay === null) continue;
    transitions += replay.recordedStages.length;
    refused.push(...replay.refused);
    if (replay.stage !== replay.draftStage) elsewhere.push({ recordId, stage: replay.stage, draftStage: replay.draftStage });
    const opened = (recordEvents[0] as StoredEvent).data['stage'] as string;
    count(recordedReach, [opened, ...replay.recordedStages]);
    count(draftReach, [opened, ...replay.draftStages]);
  }
  return {
    blueprint: { id, version },
    window: { from, to },
    records: streams.length,
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
const count = (reach: Map<string, number>, stages: readonly string[]): void => {
  for (const stage of new Set(stages)) reach.set(stage, (reach.get(stage) ?? 0) + 1);
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

import type { DealRow } from '../shared/deal-timeline';

/** A deal's facts from `validFrom` until its next state (or still): one validity interval of its timeline. */
export interface DealState {
  readonly validFrom: string;
  readonly stage: string;
  readonly stageOrder: number;
  /** When the deal entered this stage (a new visit starts where it equals `validFrom`). */
  readonly stageEnteredAt: string;
  readonly probability: number;
  readonly forecastCategory: string;
  /** The stage's outcome: `won`, `lost` or `open`. */
  readonly outcome: string;
  readonly final: boolean;
  readonly owner: string | null;
  readonly amountCents: number | null;
  /** The `closeDate` field, `YYYY-MM-DD`: expected while open, actual once closed. */
  readonly closeDate: string | null;
  /** When it entered its final stage; null while open. */
  readonly closedAt: string | null;
  /** false from the deal's first StageRecorded on (imported history no blueprint transition explains). */
  readonly conforming: boolean;
}

/** One deal's history as the analytics read it: every state it went through, in business time. */
export interface DealHistory {
  readonly kind: string;
  readonly recordId: string;
  readonly blueprintVersion: number;
  readonly openedAt: string;
  /** Opened by a history import (`ImportRecordHistory`) rather than live. */
  readonly imported: boolean;
  /** Ordered by `validFrom`; the first starts at `openedAt`. */
  readonly states: readonly DealState[];
}

/** A stage visit: from entering a stage until leaving it (null: still in it at the moment asked). */
export interface StageVisit {
  readonly stage: string;
  readonly stageOrder: number;
  readonly final: boolean;
  readonly outcome: string;
  readonly enteredAt: string;
  readonly exitedAt: string | null;
}

const stateOfRow = (row: DealRow): DealState => ({
  validFrom: row.valid_from,
  stage: row.stage,
  stageOrder: row.stage_order,
  stageEnteredAt: row.stage_entered_at,
  probability: row.probability,
  forecastCategory: row.forecast_category,
  outcome: row.outcome,
  final: row.final === 1,
  owner: row.owner,
  amountCents: row.amount_cents,
  closeDate: row.close_date,
  closedAt: row.closed_at,
  conforming: row.conforming === 1,
});

/**
 * Deal histories from a deal timeline's intervals (`pipeline_deals` rows of any order); `imported` names
 * the records a history import opened.
 */
export const dealHistoriesFromRows = (rows: readonly DealRow[], imported: ReadonlySet<string> = new Set()): DealHistory[] => {
  const byRecord = new Map<string, DealRow[]>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.record_id}`;
    const list = byRecord.get(key) ?? [];
    list.push(row);
    byRecord.set(key, list);
  }
  return [...byRecord.values()]
    .map((list) => {
      const ordered = [...list].sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
      const first = ordered[0];
      return {
        kind: first.kind,
        recordId: first.record_id,
        blueprintVersion: first.blueprint_version,
        openedAt: first.opened_at,
        imported: imported.has(first.record_id),
        states: ordered.map(stateOfRow),
      };
    })
    .sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
};

/** The deal's state at instant `at` (its last state from at or before it); null before it was opened. */
export const stateAt = (history: DealHistory, at: string): DealState | null => {
  let found: DealState | null = null;
  for (const state of history.states) {
    if (state.validFrom > at) break;
    found = state;
  }
  return found;
};

/** The history as known at `asOf`: the states from at or before it (null when opened after). */
export const historyAsOf = (history: DealHistory, asOf: string): DealHistory | null => {
  const states = history.states.filter((state) => state.validFrom <= asOf);
  return states.length === 0 ? null : { ...history, states };
};

/** The stage visits of a history, in order; a state whose `stageEnteredAt` is its `validFrom` starts one. */
export const visitsOf = (history: DealHistory): StageVisit[] => {
  const visits: StageVisit[] = [];
  let previous: DealState | null = null;
  for (const state of history.states) {
    const entersStage = previous === null || state.stageEnteredAt !== previous.stageEnteredAt || state.stage !== previous.stage;
    if (entersStage) {
      const last = visits.length - 1;
      if (last >= 0) visits[last] = { ...visits[last], exitedAt: state.validFrom };
      visits.push({ stage: state.stage, stageOrder: state.stageOrder, final: state.final, outcome: state.outcome, enteredAt: state.validFrom, exitedAt: null });
    }
    previous = state;
  }
  return visits;
};

/** The last state of a history: the deal as it is at the moment the history was cut. */
export const lastState = (history: DealHistory): DealState => history.states[history.states.length - 1];

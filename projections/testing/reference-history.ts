import type { BlueprintDefinition, FieldValues, StageDefinition } from '@crm/blueprint';
import type { EventStore, Position, StoredEvent } from '@crm/event-store';

/**
 * The independent calculation the read-model tests check against: it reads raw events and folds them
 * with its own, deliberately plain code — no read-model table, no validity interval, no shared helper.
 * "As of T" here means: the events that happened (business time) at or before T.
 */

export interface ReferenceVisit {
  readonly stage: string;
  readonly enteredAt: string;
  readonly exitedAt: string | null;
  readonly nextStage: string | null;
}

export interface ReferenceState {
  readonly kind: string;
  readonly recordId: string;
  readonly blueprint: string;
  readonly openedAt: string;
  readonly stage: string;
  readonly stageEnteredAt: string;
  readonly owner: string | null;
  readonly fields: Readonly<Record<string, FieldValues[string]>>;
  readonly visits: readonly ReferenceVisit[];
}

interface RecordHistory {
  readonly kind: string;
  readonly recordId: string;
  readonly events: StoredEvent[];
}

export class ReferenceHistory {
  private constructor(
    private readonly records: readonly RecordHistory[],
    private readonly blueprints: ReadonlyMap<string, BlueprintDefinition>,
  ) {}

  static async read(store: EventStore): Promise<ReferenceHistory> {
    const byStream = new Map<string, RecordHistory>();
    const blueprints = new Map<string, BlueprintDefinition>();
    let from: Position | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ from, maxCount: 1_000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.type === 'BlueprintVersionPublished') {
          const definition = event.data['definition'] as unknown as BlueprintDefinition;
          blueprints.set(`${definition.id}@${definition.version}`, definition);
        } else if (['RecordOpened', 'FieldsChanged', 'Transitioned', 'StageRecorded', 'OwnerChanged', 'TaskOpened'].includes(event.type)) {
          const separator = event.stream.indexOf('-');
          const history = byStream.get(event.stream) ?? { kind: event.stream.slice(0, separator), recordId: event.stream.slice(separator + 1), events: [] };
          history.events.push(event);
          byStream.set(event.stream, history);
        }
      }
      from = page[page.length - 1].position;
    }
    for (const history of byStream.values()) history.events.sort((a, b) => a.revision - b.revision);
    return new ReferenceHistory([...byStream.values()], blueprints);
  }

  stage(blueprint: string, stage: string): StageDefinition {
    const found = this.blueprints.get(blueprint)?.stages.find((candidate) => candidate.id === stage);
    if (!found) throw new Error(`reference: no stage ${stage} in ${blueprint}`);
    return found;
  }

  /** Every record of `kind` opened at or before `asOf`, folded from its events up to `asOf`. */
  statesAt(kind: string, asOf: string): ReferenceState[] {
    return this.records
      .filter((record) => record.kind === kind)
      .map((record) => foldUpTo(record, asOf))
      .filter((state): state is ReferenceState => state !== null)
      .sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
  }
}

const foldUpTo = (record: RecordHistory, asOf: string): ReferenceState | null => {
  let state: ReferenceState | null = null;
  for (const event of record.events) {
    const current: ReferenceState | null = state;
    if (event.occurredAt > asOf) break;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'RecordOpened') {
      const blueprint = data['blueprint'] as { id: string; version: number };
      state = {
        kind: record.kind,
        recordId: record.recordId,
        blueprint: `${blueprint.id}@${blueprint.version}`,
        openedAt: event.occurredAt,
        stage: data['stage'] as string,
        stageEnteredAt: event.occurredAt,
        owner: data['owner'] as string | null,
        fields: { ...(data['fields'] as FieldValues) },
        visits: [{ stage: data['stage'] as string, enteredAt: event.occurredAt, exitedAt: null, nextStage: null }],
      };
      continue;
    }
    if (current === null) throw new Error(`reference: ${event.type} before RecordOpened in ${event.stream}`);
    if (event.type === 'FieldsChanged') {
      const fields: Record<string, FieldValues[string]> = { ...current.fields };
      for (const [name, change] of Object.entries(data['changes'] as Record<string, { to: FieldValues[string] }>)) {
        if (change.to === null) delete fields[name];
        else fields[name] = change.to;
      }
      state = { ...current, fields };
    } else if (event.type === 'OwnerChanged') {
      state = { ...current, owner: data['to'] as string | null };
    } else if (event.type === 'Transitioned' || event.type === 'StageRecorded') {
      const to = data['to'] as string;
      const visits: ReferenceVisit[] = current.visits.map((visit, index) =>
        index === current.visits.length - 1 ? { ...visit, exitedAt: event.occurredAt, nextStage: to } : visit,
      );
      state = { ...current, stage: to, stageEnteredAt: event.occurredAt, visits: [...visits, { stage: to, enteredAt: event.occurredAt, exitedAt: null, nextStage: null }] };
    }
  }
  return state;
};

const cents = (value: FieldValues[string] | undefined): number => (typeof value === 'number' ? Math.round(value * 100) : 0);
const days = (from: string, to: string): number => (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;

export interface ReferencePipelineRow {
  readonly stage: string;
  readonly owner: string | null;
  readonly count: number;
  readonly amountCents: number;
  readonly weightedCents: number;
  readonly ages: number[];
}

export const referencePipeline = (history: ReferenceHistory, asOf: string): { rows: ReferencePipelineRow[]; stalled: string[] } => {
  const rows = new Map<string, ReferencePipelineRow>();
  const stalled: { id: string; age: number }[] = [];
  for (const state of history.statesAt('opportunity', asOf)) {
    const stage = history.stage(state.blueprint, state.stage);
    if (stage.final) continue;
    const key = `${state.stage}|${state.owner}`;
    const row = rows.get(key) ?? { stage: state.stage, owner: state.owner, count: 0, amountCents: 0, weightedCents: 0, ages: [] };
    const amount = cents(state.fields['amount']);
    const age = days(state.stageEnteredAt, asOf);
    rows.set(key, {
      ...row,
      count: row.count + 1,
      amountCents: row.amountCents + amount,
      weightedCents: row.weightedCents + Math.round((amount * stage.probability) / 100),
      ages: [...row.ages, age],
    });
    if (age > 30) stalled.push({ id: state.recordId, age });
  }
  stalled.sort((a, b) => b.age - a.age || (a.id < b.id ? -1 : 1));
  return { rows: [...rows.values()], stalled: stalled.map((entry) => entry.id) };
};

export interface ReferenceForecastCell {
  closedWonCents: number;
  closedWonCount: number;
  closedLostCount: number;
  commitCents: number;
  bestCaseCents: number;
  pipelineCents: number;
  weightedCents: number;
  openCount: number;
}

const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** Per `<quarter>|<group>`: the forecast figures of the deals as they were at `asOf`. */
export const referenceForecast = (
  history: ReferenceHistory,
  asOf: string,
  groupOf: (owner: string | null) => string | null,
): Map<string, ReferenceForecastCell> => {
  const cells = new Map<string, ReferenceForecastCell>();
  for (const state of history.statesAt('opportunity', asOf)) {
    const stage = history.stage(state.blueprint, state.stage);
    const closeDate = typeof state.fields['closeDate'] === 'string' ? state.fields['closeDate'] : null;
    const date = closeDate ?? (stage.final ? state.stageEnteredAt.slice(0, 10) : null);
    if (date === null) continue;
    const key = `${quarterOf(date)}|${groupOf(state.owner)}`;
    const cell = cells.get(key) ?? {
      closedWonCents: 0,
      closedWonCount: 0,
      closedLostCount: 0,
      commitCents: 0,
      bestCaseCents: 0,
      pipelineCents: 0,
      weightedCents: 0,
      openCount: 0,
    };
    const amount = cents(state.fields['amount']);
    if (stage.outcome === 'won') {
      cell.closedWonCents += amount;
      cell.closedWonCount += 1;
    } else if (stage.outcome === 'lost') {
      cell.closedLostCount += 1;
    } else if (!stage.final) {
      cell.openCount += 1;
      cell.weightedCents += Math.round((amount * stage.probability) / 100);
      if (stage.forecastCategory === 'commit') cell.commitCents += amount;
      if (stage.forecastCategory === 'best_case') cell.bestCaseCents += amount;
      if (stage.forecastCategory === 'pipeline') cell.pipelineCents += amount;
    }
    cells.set(key, cell);
  }
  return cells;
};

export interface ReferenceFunnelRow {
  readonly group: string;
  readonly stage: string;
  readonly entered: number;
  readonly advanced: number;
  readonly lost: number;
  readonly won: number;
  readonly durations: number[];
}

/** Funnel of the records opened in [from, to), at `asOf`, per group and stage; plus lost reasons per group. */
export const referenceFunnel = (
  history: ReferenceHistory,
  window: { from: string; to: string; asOf: string },
  groupOf: (state: ReferenceState) => string,
): { rows: ReferenceFunnelRow[]; lostReasons: Map<string, number> } => {
  const rows = new Map<string, { group: string; stage: string; entered: Set<string>; advanced: Set<string>; lost: Set<string>; won: Set<string>; durations: number[] }>();
  const lostReasons = new Map<string, number>();
  for (const state of history.statesAt('opportunity', window.asOf)) {
    if (state.openedAt < window.from || state.openedAt >= window.to) continue;
    const group = groupOf(state);
    const wonEver = state.visits.some((visit) => history.stage(state.blueprint, visit.stage).outcome === 'won');
    for (const visit of state.visits) {
      const key = `${group}|${visit.stage}`;
      const row = rows.get(key) ?? { group, stage: visit.stage, entered: new Set(), advanced: new Set(), lost: new Set(), won: new Set(), durations: [] };
      row.entered.add(state.recordId);
      if (wonEver) row.won.add(state.recordId);
      if (visit.exitedAt !== null && visit.nextStage !== null) {
        const from = history.stage(state.blueprint, visit.stage);
        const to = history.stage(state.blueprint, visit.nextStage);
        if (to.order > from.order && to.outcome !== 'lost') row.advanced.add(state.recordId);
        if (to.outcome === 'lost') row.lost.add(state.recordId);
        row.durations.push(days(visit.enteredAt, visit.exitedAt));
      }
      rows.set(key, row);
    }
    if (history.stage(state.blueprint, state.stage).outcome === 'lost') {
      const reason = typeof state.fields['lossReason'] === 'string' ? state.fields['lossReason'] : '(none)';
      const key = `${group}|${reason}`;
      lostReasons.set(key, (lostReasons.get(key) ?? 0) + 1);
    }
  }
  return {
    rows: [...rows.values()].map((row) => ({
      group: row.group,
      stage: row.stage,
      entered: row.entered.size,
      advanced: row.advanced.size,
      lost: row.lost.size,
      won: row.won.size,
      durations: row.durations,
    })),
    lostReasons,
  };
};

import Database from 'better-sqlite3';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import { positionOf } from '@crm/event-store';
import { liveTableNames } from '@crm/projection-runtime';
import { pipelineProjection } from '../../pipeline/pipeline.projection';
import type { DealRow } from '../../shared/deal-timeline';
import { dealHistoriesFromRows, type DealHistory } from '../deal-history';

/** The stages of the scripted deals' blueprint (`deal` v1): facts a reader can check figures against by hand. */
export const SCRIPT_STAGES = [
  { id: 'qualification', title: 'Qualification', order: 1, probability: 10, forecastCategory: 'pipeline', outcome: 'open', final: false },
  { id: 'proposal', title: 'Proposal', order: 2, probability: 40, forecastCategory: 'best_case', outcome: 'open', final: false },
  { id: 'negotiation', title: 'Negotiation', order: 3, probability: 70, forecastCategory: 'commit', outcome: 'open', final: false },
  { id: 'won', title: 'Won', order: 4, probability: 100, forecastCategory: 'closed', outcome: 'won', final: true },
  { id: 'lost', title: 'Lost', order: 5, probability: 0, forecastCategory: 'omitted', outcome: 'lost', final: true },
] as const;

export type ScriptStage = (typeof SCRIPT_STAGES)[number]['id'];

/** One dated step of a deal: a stage move, a new amount or close date, a new owner (any of them). */
export interface ScriptStep {
  readonly at: string;
  readonly to?: ScriptStage;
  readonly amount?: number;
  readonly closeDate?: string;
  readonly owner?: string;
}

export interface DealScript {
  readonly id: string;
  readonly openedAt: string;
  readonly owner: string | null;
  readonly amount?: number;
  readonly closeDate?: string;
  readonly steps: readonly ScriptStep[];
  readonly imported?: boolean;
}

/** `2017-01-05` → `2017-01-05T00:00:00.000Z`; a full ISO time stays as it is. */
export const instant = (text: string): string => (text.length === 10 ? `${text}T00:00:00.000Z` : new Date(text).toISOString());

let sequence = 0;

const stored = (stream: string, revision: number, type: string, data: JsonObject, occurredAt: string, imported: boolean): StoredEvent => {
  sequence += 1;
  return {
    id: `script-${sequence}`,
    type,
    stream,
    revision,
    position: positionOf(sequence),
    data,
    metadata: imported ? { imported: true } : {},
    occurredAt: instant(occurredAt),
    recordedAt: instant(occurredAt),
  };
};

export const blueprintPublished = (): StoredEvent =>
  stored(
    '_blueprint-deal',
    0,
    'BlueprintVersionPublished',
    {
      ref: { id: 'deal', version: 1, contentHash: 'script' },
      definition: { id: 'deal', version: 1, kind: 'opportunity', stages: SCRIPT_STAGES.map((stage) => ({ ...stage })), fields: [], transitions: [] },
    } as unknown as JsonObject,
    '2000-01-01',
    false,
  );

/** The record events a script stands for, in its stream's order: what the command handler would have stored. */
export const eventsOfScript = (script: DealScript): StoredEvent[] => {
  const stream = `opportunity-${script.id}`;
  const imported = script.imported === true;
  const fields: Record<string, string | number> = { name: script.id };
  if (script.amount !== undefined) fields['amount'] = script.amount;
  if (script.closeDate !== undefined) fields['closeDate'] = script.closeDate;
  const events: StoredEvent[] = [
    stored(
      stream,
      0,
      'RecordOpened',
      { recordId: script.id, kind: 'opportunity', blueprint: { id: 'deal', version: 1, contentHash: 'script' }, stage: 'qualification', owner: script.owner, fields },
      script.openedAt,
      imported,
    ),
  ];
  let stage: string = 'qualification';
  let owner = script.owner;
  let amount: number | null = script.amount ?? null;
  let closeDate: string | null = script.closeDate ?? null;
  for (const step of script.steps) {
    const changes: Record<string, JsonObject> = {};
    if (step.amount !== undefined) {
      changes['amount'] = { from: amount, to: step.amount };
      amount = step.amount;
    }
    if (step.closeDate !== undefined) {
      changes['closeDate'] = { from: closeDate, to: step.closeDate };
      closeDate = step.closeDate;
    }
    if (Object.keys(changes).length > 0) events.push(stored(stream, events.length, 'FieldsChanged', { recordId: script.id, changes }, step.at, imported));
    if (step.to !== undefined) {
      events.push(stored(stream, events.length, 'Transitioned', { recordId: script.id, event: `to_${step.to}`, from: stage, to: step.to, reason: null }, step.at, imported));
      stage = step.to;
    }
    if (step.owner !== undefined && step.owner !== owner) {
      events.push(stored(stream, events.length, 'OwnerChanged', { recordId: script.id, from: owner, to: step.owner }, step.at, imported));
      owner = step.owner;
    }
  }
  return events;
};

/**
 * The deal histories the analytics read, made the way the API makes them: the scripts' events folded by
 * the real pipeline projection into its validity intervals (in a scratch in-memory database), then read back.
 */
export const historiesOfScripts = (scripts: readonly DealScript[]): DealHistory[] => {
  const db = new Database(':memory:');
  try {
    const projection = pipelineProjection();
    for (const table of projection.tables) for (const statement of table.create(table.name)) db.exec(statement);
    const writer = projection.open(db, liveTableNames, 'live');
    const events = [blueprintPublished(), ...scripts.flatMap(eventsOfScript)];
    db.transaction(() => {
      for (const event of events) writer.evolve(event);
    })();
    const rows = db.prepare('SELECT * FROM pipeline_deals').all() as DealRow[];
    return dealHistoriesFromRows(rows, new Set(scripts.filter((script) => script.imported === true).map((script) => script.id)));
  } finally {
    db.close();
  }
};

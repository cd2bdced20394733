import type { Database } from 'better-sqlite3';
import type { BlueprintDefinition, BlueprintRef, ForecastCategory, StageOutcome } from '@crm/blueprint';
import type { ReadModelTable } from '@crm/projection-runtime';
import type { StoredEvent } from '@crm/event-store';

/** What a read model needs of one stage of one blueprint version. */
export interface StageFacts {
  readonly stage: string;
  readonly title: string;
  readonly order: number;
  readonly probability: number;
  readonly forecastCategory: ForecastCategory;
  readonly outcome: StageOutcome;
  readonly final: boolean;
}

interface StageRow {
  readonly stage: string;
  readonly title: string;
  readonly stage_order: number;
  readonly probability: number;
  readonly forecast_category: ForecastCategory;
  readonly outcome: StageOutcome;
  readonly final: number;
}

const toFacts = (row: StageRow): StageFacts => ({
  stage: row.stage,
  title: row.title,
  order: row.stage_order,
  probability: row.probability,
  forecastCategory: row.forecast_category,
  outcome: row.outcome,
  final: row.final === 1,
});

/**
 * Stage facts per blueprint version, learnt from `BlueprintVersionPublished` events in the log itself, so a
 * record is always judged by the version it pinned (its RecordOpened) and a replay needs no YAML files.
 */
export const blueprintStagesTable = (name: string): ReadModelTable => ({
  name,
  create: (table) => [
    `CREATE TABLE ${table} (
      blueprint_id      TEXT    NOT NULL,
      blueprint_version INTEGER NOT NULL,
      kind              TEXT    NOT NULL,
      stage             TEXT    NOT NULL,
      title             TEXT    NOT NULL,
      stage_order       INTEGER NOT NULL,
      probability       REAL    NOT NULL,
      forecast_category TEXT    NOT NULL,
      outcome           TEXT    NOT NULL,
      final             INTEGER NOT NULL,
      PRIMARY KEY (blueprint_id, blueprint_version, stage)
    )`,
  ],
});

export interface PublishedBlueprint {
  readonly ref: BlueprintRef;
  readonly definition: BlueprintDefinition;
}

export const publishedBlueprintOf = (event: StoredEvent): PublishedBlueprint => event.data as unknown as PublishedBlueprint;

/** Writes and looks up stage facts in one projection's copy of the table. */
export class BlueprintStages {
  private readonly insert;
  private readonly select;
  private readonly cache = new Map<string, StageFacts | undefined>();

  constructor(db: Database, table: string) {
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO ${table} (blueprint_id, blueprint_version, kind, stage, title, stage_order, probability, forecast_category, outcome, final)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.select = db.prepare(`SELECT * FROM ${table} WHERE blueprint_id = ? AND blueprint_version = ? AND stage = ?`);
  }

  publish(event: StoredEvent): void {
    const { ref, definition } = publishedBlueprintOf(event);
    for (const stage of definition.stages) {
      this.insert.run(
        ref.id,
        ref.version,
        definition.kind,
        stage.id,
        stage.title,
        stage.order,
        stage.probability,
        stage.forecastCategory,
        stage.outcome,
        stage.final ? 1 : 0,
      );
    }
  }

  /** Throws when the version or stage is unknown: the log would be inconsistent, and a silent default would hide it. */
  stage(blueprint: Pick<BlueprintRef, 'id' | 'version'>, stage: string): StageFacts {
    const key = `${blueprint.id}@${blueprint.version}/${stage}`;
    // Published versions never change, so a cached answer stays true (a rolled-back batch republishes the same).
    if (!this.cache.has(key)) {
      const row = this.select.get(blueprint.id, blueprint.version, stage) as StageRow | undefined;
      this.cache.set(key, row === undefined ? undefined : toFacts(row));
    }
    const facts = this.cache.get(key);
    if (facts === undefined) throw new Error(`stage "${stage}" of blueprint ${blueprint.id} v${blueprint.version} was never published`);
    return facts;
  }
}

/**
 * The field that says why a record was lost: an enum supplied on a transition into a lost stage (the
 * blueprint makes the rep give it), else `lossReason` or `disqualificationReason` when declared.
 */
export const lostReasonFieldOf = (definition: BlueprintDefinition): string | null => {
  const lostStages = new Set(definition.stages.filter((stage) => stage.outcome === 'lost').map((stage) => stage.id));
  const enumFields = new Set(definition.fields.filter((field) => field.type === 'enum').map((field) => field.name));
  for (const transition of definition.transitions) {
    if (!lostStages.has(transition.to)) continue;
    const supplied = transition.supply.find((field) => enumFields.has(field));
    if (supplied !== undefined) return supplied;
  }
  return ['lossReason', 'disqualificationReason'].find((name) => definition.fields.some((field) => field.name === name)) ?? null;
};

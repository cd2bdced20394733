import type { BlueprintRef, UnmetCriterion } from '@crm/blueprint';

/** The record decides with `to` from now on, in `toStage`. */
export interface RecordMigrated {
  readonly type: 'RecordMigrated';
  readonly data: {
    readonly recordId: string;
    readonly from: BlueprintRef;
    readonly to: BlueprintRef;
    /** The stage map the migration was asked with (stage of `from` → stage of `to`). */
    readonly stageMap: Readonly<Record<string, string>>;
    readonly fromStage: string;
    readonly toStage: string;
    /** Who migrated it (also in the metadata, as for every event). */
    readonly actor: string;
    readonly reason: string | null;
    /** The target stage's criteria the record broke, kept because the migration was forced; [] otherwise. */
    readonly unmet: readonly UnmetCriterion[];
  };
}

export type MigrationEvent = RecordMigrated;

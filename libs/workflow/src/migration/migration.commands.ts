import type { RecordCommandBase } from '../record/record-command';

/** Moves one record to another published version of its blueprint (README, Blueprint lifecycle: migration). */
export interface MigrateRecord extends RecordCommandBase {
  readonly type: 'MigrateRecord';
  readonly recordId: string;
  /** The target version of the record's blueprint (higher, or lower to undo a migration). */
  readonly toVersion: number;
  /** Stage of the current version → stage of the target; a stage not named keeps its id. */
  readonly stageMap?: Readonly<Record<string, string>>;
  /** Recorded on the event; required with `force`. */
  readonly reason?: string;
  /** Migrate even when the record breaks the target stage's exit criteria (they are recorded as `unmet`). */
  readonly force?: boolean;
}

export type MigrationCommand = MigrateRecord;

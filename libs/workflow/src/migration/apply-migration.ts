import type { Actor } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { CommandOrigin } from '../record/record-command';
import type { RecordCommandHandler } from '../record/record-command.handler';
import { WorkflowException } from '../workflow.exception';
import type { MigrateRecord } from './migration.commands';
import { migrationIdOf, type MigrationPlan } from './migration-plan';

export interface MigrationOutcome {
  readonly recordId: string;
  readonly status: 'migrated' | 'unchanged' | 'refused';
  /** refused: the code and message of the refusal (MIGRATION_REFUSED, FORBIDDEN, …). */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface MigrationResult {
  readonly migrationId: string;
  readonly from: MigrationPlan['from'];
  readonly to: MigrationPlan['to'];
  readonly migrated: number;
  readonly unchanged: number;
  readonly refused: number;
  readonly records: readonly MigrationOutcome[];
}

export interface ApplyOptions {
  readonly actor: Actor;
  readonly reason?: string;
  /** Migrate records that break the target stage's criteria too (needs a reason). */
  readonly force?: boolean;
  readonly origin?: CommandOrigin;
  /** Commands in flight at once (the store groups concurrent appends into one commit); default 16. */
  readonly concurrency?: number;
}

/**
 * Applies a plan: one `MigrateRecord` per record through the command handler, so each is judged by the
 * access policy and decided on the record's own stream as it is then (a plan read from a read model may
 * be behind). A refusal of one record (criteria broken without force, a removed stage, access) is
 * reported and the others go on. Undo: a migration back to the old version, with the reverse stage map.
 */
export const applyMigration = async (commands: RecordCommandHandler, kind: string, plan: MigrationPlan, options: ApplyOptions): Promise<MigrationResult> => {
  const force = options.force === true;
  const reason = options.reason ?? null;
  const migrationId = migrationIdOf(plan, { force, reason });
  const outcomes: MigrationOutcome[] = new Array<MigrationOutcome>(plan.records.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < plan.records.length; index = next++) {
      const record = plan.records[index];
      const command: MigrateRecord = {
        type: 'MigrateRecord',
        kind,
        recordId: record.recordId,
        commandId: deriveId(migrationId, `migrate:${record.recordId}@${record.revision}`),
        actor: options.actor,
        toVersion: plan.to.version,
        stageMap: plan.stageMap,
        ...(reason === null ? {} : { reason }),
        ...(force ? { force } : {}),
        ...(options.origin === undefined ? {} : { origin: options.origin }),
      };
      try {
        const result = await commands.execute(command);
        outcomes[index] = { recordId: record.recordId, status: result.events.some((event) => event.type === 'RecordMigrated') ? 'migrated' : 'unchanged' };
      } catch (error) {
        if (!(error instanceof WorkflowException)) throw error;
        outcomes[index] = { recordId: record.recordId, status: 'refused', error: { code: error.code, message: error.message } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker));
  const count = (status: MigrationOutcome['status']): number => outcomes.filter((outcome) => outcome.status === status).length;
  return { migrationId, from: plan.from, to: plan.to, migrated: count('migrated'), unchanged: count('unchanged'), refused: count('refused'), records: outcomes };
};

import { checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireOpen } from '../record/record-rules';
import { entryTasksOpened, tasksCancelledOnLeaving } from '../tasks/entry-tasks';
import { timerScheduled, timersCancelledOnLeaving } from '../timers/stage-timers';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { DecidedRecordEvent } from '../record/record-event';
import { migrationTargetOf, stageMapProblems } from './migrate-record';
import type { MigrationCommand } from './migration.commands';
import type { MigrationEvent, RecordMigrated } from './migration.events';

const isStageMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Moving a record in flight to another published version of its blueprint, as an audited event through
 * the same handler, access policy and lock as every command (README, Blueprint lifecycle: migration).
 */
export const migrationSlice = defineRecordSlice<MigrationCommand, MigrationEvent>({
  name: 'migration',
  commands: {
    MigrateRecord: {
      problems: (command) => {
        const problems: string[] = [];
        if (!Number.isSafeInteger(command.toVersion) || command.toVersion < 1) problems.push('toVersion must be a whole number ≥ 1');
        if (command.stageMap !== undefined) {
          if (!isStageMap(command.stageMap)) problems.push('stageMap must be an object of stage → stage');
          else for (const [from, to] of Object.entries(command.stageMap)) checkText(problems, `stageMap.${from}`, to);
        }
        if (command.reason !== undefined) checkText(problems, 'reason', command.reason, 2_000);
        if (command.force !== undefined && typeof command.force !== 'boolean') problems.push('force must be true or false');
        if (command.force === true && (command.reason === undefined || command.reason.trim() === '')) problems.push('force needs a reason, recorded on the event');
        return problems;
      },
      access: () => ({ action: 'migrate' }),
      decide: (command, state, { blueprint, now, timing, blueprintVersion }) => {
        const record = requireExisting(state);
        requireOpen(record);
        if (record.blueprint.version === command.toVersion) return [];
        const target = blueprintVersion?.(record.blueprint.id, command.toVersion);
        if (target === undefined) {
          throw new WorkflowException(WorkflowExceptionCode.MIGRATION_REFUSED, `blueprint ${record.blueprint.id} has no published version ${command.toVersion}`, {
            toVersion: command.toVersion,
          });
        }
        const stageMap = command.stageMap ?? {};
        const mapProblems = stageMapProblems(blueprint, target, stageMap);
        if (mapProblems.length > 0) throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `invalid MigrateRecord: ${mapProblems.join('; ')}`, { problems: mapProblems });
        const { toStage, unmet } = migrationTargetOf(record, target, stageMap);
        if (toStage === null) {
          throw new WorkflowException(
            WorkflowExceptionCode.MIGRATION_REFUSED,
            `${record.kind} "${record.recordId}" is in stage "${record.stage}", which ${target.ref.id} v${target.ref.version} does not have; map it to one (stageMap)`,
            { stage: record.stage, toVersion: command.toVersion },
          );
        }
        if (unmet.length > 0 && command.force !== true) {
          throw new WorkflowException(
            WorkflowExceptionCode.MIGRATION_REFUSED,
            `${record.kind} "${record.recordId}" would break ${toStage} in v${target.ref.version}: ${unmet.map((criterion) => criterion.message).join('; ')}; force it with a reason, or complete the record first`,
            { stage: toStage, toVersion: command.toVersion, unmet },
          );
        }
        const migrated: RecordMigrated = {
          type: 'RecordMigrated',
          data: { recordId: record.recordId, from: record.blueprint, to: target.ref, stageMap, fromStage: record.stage, toStage, actor: command.actor.id, reason: command.reason ?? null, unmet },
        };
        if (toStage === record.stage) return [migrated];
        // A new stage is entered as a transition enters it: the old stage's tasks and timers end, the new one's begin.
        const closing = target.stage(toStage)?.final === true;
        const planner = timing.plannerFor(record.owner, now);
        const entered: DecidedRecordEvent[] = [
          ...entryTasksOpened(command.commandId, record.recordId, toStage, record.owner, target.stage(toStage)?.entryTasks ?? [], now),
          ...(target.stage(toStage)?.timers ?? []).flatMap((timer) => {
            const dueIn = planner.dueIn(timer, record.fields);
            return Number.isFinite(dueIn) ? [timerScheduled(command.commandId, record.recordId, { stage: toStage, timer, dueInMs: Math.max(0, dueIn) }, now)] : [];
          }),
        ];
        return [...tasksCancelledOnLeaving(record.recordId, record.tasks, record.stage, closing), ...timersCancelledOnLeaving(record, record.stage), migrated, ...entered];
      },
    },
  },
  events: {
    RecordMigrated: {
      evolve: (draft, event, context) => {
        draft.blueprint = event.data.to;
        if (draft.stage !== event.data.toStage) {
          draft.stage = event.data.toStage;
          draft.stageEnteredAt = event.occurredAt;
          draft.stalledSince = null;
        }
        draft.status = context.isFinal(draft.blueprint, draft.stage) ? 'closed' : 'open';
      },
    },
  },
});

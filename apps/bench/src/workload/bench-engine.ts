import { join } from 'node:path';
import { loadBlueprintDirectory, type Actor } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { BlueprintCatalog, RECORD_EVENT_SCHEMAS, openAccess, newCommandId, RecordCommandHandler, standardTiming, type RecordCommand, type RecordState, type Timing } from '@crm/workflow';
import { benchActor, plannedCommand, type OpportunityHistory, type PlannedStep } from './opportunity-histories';

export const repositoryRoot = join(__dirname, '..', '..', '..', '..');
export const blueprintsDirectory = join(repositoryRoot, 'blueprints');

/** The engine's parts as `Engine.open` wires them, but with the store options a case needs. */
export interface BenchEngine {
  readonly store: SqliteEventStore;
  readonly catalog: BlueprintCatalog;
  readonly handler: RecordCommandHandler;
  readonly timing: Timing;
  close(): Promise<void>;
}

export const openBenchEngine = async (directory: string, clock: Clock, maxGroupSize?: number): Promise<BenchEngine> => {
  const store = await SqliteEventStore.open({ directory, clock, maxGroupSize, schemas: RECORD_EVENT_SCHEMAS });
  const catalog = await BlueprintCatalog.open(store, loadBlueprintDirectory(blueprintsDirectory));
  const timing = standardTiming();
  const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess, timing });
  return { store, catalog, handler, timing, close: () => store.close() };
};

export const actorOf = (id: string): Actor => benchActor(id);

export const openCommand = (history: OpportunityHistory, clock: Clock): RecordCommand => ({
  type: 'OpenRecord',
  kind: 'opportunity',
  commandId: newCommandId(clock),
  actor: actorOf(history.owner),
  owner: history.owner,
  fields: history.openFields,
});

/**
 * The command for one planned step of an opened record. `record` is the record as the previous command
 * left it (its `result.record`): completing the proposal task and granting an approval take their ids
 * from it, and throw without it.
 */
export const stepCommand = (recordId: string, step: PlannedStep, clock: Clock, record?: RecordState): RecordCommand =>
  plannedCommand(recordId, step, newCommandId(clock), record);

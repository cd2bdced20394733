import type { Actor, CompiledBlueprint } from '@crm/blueprint';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import type { RecordCommand } from '../record.commands';
import { decideRecord, type DecidedEvent } from '../record.decider';
import type { RecordEvent } from '../record.events';
import { recordStreamName } from '../record-stream';
import { evolveRecordWith, initialRecordState, type RecordState } from '../record.state';
import { WorkflowException } from '../workflow.exception';

/** Commands without their envelope: scenarios fill in commandId, actor and kind. */
export type ScenarioCommand = DistributiveOmit<RecordCommand, 'commandId' | 'actor' | 'kind' | 'recordId'> & {
  readonly actor?: Actor;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ScenarioOutcome =
  | { readonly ok: true; readonly events: RecordEvent[]; readonly state: RecordState }
  | { readonly ok: false; readonly error: WorkflowException };

/**
 * Given/when/then for one record, in memory and pure: each command is decided against the fold of the
 * events before it, exactly as the command handler does, without a store. For blueprint specifications.
 */
export class RecordScenario {
  private state: RecordState;
  private commandCount = 0;

  constructor(
    private readonly blueprint: CompiledBlueprint,
    private readonly defaultActor: Actor,
    private readonly now: Date = new Date('2026-03-02T09:00:00.000Z'),
    readonly recordId: string = 'rec-1',
  ) {
    this.state = initialRecordState(blueprint.definition.kind, recordId);
  }

  get current(): RecordState {
    return this.state;
  }

  /** Applies commands that must succeed; throws with the refusal if one does not. */
  given(...commands: ScenarioCommand[]): this {
    for (const command of commands) {
      const outcome = this.when(command);
      if (!outcome.ok) throw new Error(`given ${command.type} was refused: ${outcome.error.message}`);
    }
    return this;
  }

  when(command: ScenarioCommand): ScenarioOutcome {
    this.commandCount += 1;
    const full = {
      ...command,
      commandId: `cmd-${this.commandCount}`,
      actor: command.actor ?? this.defaultActor,
      kind: this.blueprint.definition.kind,
      recordId: this.recordId,
    } as RecordCommand;
    try {
      const events = decideRecord(full, this.state, this.blueprint, this.now);
      const first = this.state.revision + 1;
      this.state = evolveRecordWith(this.state, events.map((event, index) => this.stored(event, first + index, full)));
      return { ok: true, events, state: this.state };
    } catch (error) {
      if (error instanceof WorkflowException) return { ok: false, error };
      throw error;
    }
  }

  private stored(event: DecidedEvent, revision: number, command: RecordCommand): StoredEvent {
    return {
      id: `${command.commandId}-${revision}`,
      type: event.type,
      stream: recordStreamName(this.blueprint.definition.kind, this.recordId),
      revision,
      position: { commit: BigInt(revision), prepare: BigInt(revision) },
      data: event.data as unknown as JsonObject,
      metadata: { commandId: command.commandId },
      occurredAt: event.occurredAt ?? this.now.toISOString(),
      recordedAt: this.now.toISOString(),
    };
  }
}

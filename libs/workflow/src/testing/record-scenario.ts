import type { Actor, CompiledBlueprint } from '@crm/blueprint';
import { CatalogException, type QuoteCatalog } from '@crm/catalog';
import type { StoredEvent } from '@crm/event-store';
import type { RecordCommand } from '../record/record.commands';
import { decideRecord } from '../record/record.decider';
import type { DecidedRecordEvent } from '../record/record-event';
import type { FoldContext } from '../record/record-slice';
import { RecordSlices } from '../record/record-slices';
import { recordStreamName } from '../record/record-stream';
import { noRecord, type ExistingRecord, type RecordState } from '../record/record.state';
import { WorkflowException } from '../workflow.exception';
import type { References } from '../record/record-rules';
import { standardTiming, type Timing } from '../timers/timing';
import { NO_POOL_RULES, type PoolSettings } from '../lead-pool/pool-settings';
import { fireTimerCommandId, TIMER_ACTOR } from '../timers/timers.commands';

/** Commands without their envelope: scenarios fill in commandId, actor and kind. */
export type ScenarioCommand = DistributiveOmit<RecordCommand, 'commandId' | 'actor' | 'kind' | 'recordId'> & {
  readonly actor?: Actor;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A command, or one built from the scenario's state (a task's or an approval's id). */
export type ScenarioStep = ScenarioCommand | ((scenario: RecordScenario) => ScenarioCommand);

export type ScenarioOutcome =
  | { readonly ok: true; readonly events: DecidedRecordEvent[]; readonly state: RecordState }
  | { readonly ok: false; readonly error: WorkflowException | CatalogException };

/**
 * Given/when/then for one record, in memory and pure: each command is decided against the fold of the
 * events before it, exactly as the command handler does, without a store. For blueprint specifications.
 */
export class RecordScenario {
  private state: RecordState;
  private commandCount = 0;
  private readonly slices = new RecordSlices();
  private readonly context: FoldContext;
  private catalog: QuoteCatalog | null = null;

  constructor(
    private readonly blueprint: CompiledBlueprint,
    private readonly defaultActor: Actor,
    private now: Date = new Date('2026-03-02T09:00:00.000Z'),
    readonly recordId: string = 'rec-1',
    private readonly timing: Timing = standardTiming(),
    /** Which referenced records exist; by default every one (a blueprint specification is about one record). */
    private readonly references: References = { exists: () => true },
    /** The lead pool's rules; by default none. */
    private readonly pool: PoolSettings = NO_POOL_RULES,
  ) {
    this.state = noRecord(blueprint.definition.kind, recordId);
    this.context = { isFinal: (_ref, stage) => blueprint.stage(stage)?.final === true };
  }

  /** The products and price books quote lines are priced from. */
  withCatalog(catalog: QuoteCatalog): this {
    this.catalog = catalog;
    return this;
  }

  /** The record as the events so far left it; a scenario that never opened it has none to show. */
  /** Moves the scenario's clock (for timers: what is due, when). */
  at(moment: string | Date): this {
    this.now = new Date(moment);
    return this;
  }

  get current(): ExistingRecord {
    if (this.state.status === 'none') throw new Error(`${this.recordId} was never opened in this scenario`);
    return this.state;
  }

  /** Applies commands that must succeed; throws with the refusal if one does not. */
  given(...steps: ScenarioStep[]): this {
    for (const step of steps) {
      const command = typeof step === 'function' ? step(this) : step;
      const outcome = this.when(command);
      if (!outcome.ok) throw new Error(`given ${command.type} was refused: ${outcome.error.message}`);
    }
    return this;
  }

  when(step: ScenarioStep, commandId?: string): ScenarioOutcome {
    const command = typeof step === 'function' ? step(this) : step;
    this.commandCount += 1;
    const full: RecordCommand = {
      ...command,
      commandId: commandId ?? `cmd-${this.commandCount}`,
      actor: command.actor ?? this.defaultActor,
      kind: this.blueprint.definition.kind,
      recordId: this.recordId,
    };
    try {
      const events = decideRecord(full, this.state, { blueprint: this.blueprint, now: this.now, timing: this.timing, references: this.references, pool: this.pool, catalog: this.catalog }, this.slices);
      const first = this.state.revision + 1;
      this.state = this.slices.evolve(
        this.state,
        events.map((event, index) => this.stored(event, first + index, full)),
        this.context,
      );
      return { ok: true, events, state: this.state };
    } catch (error) {
      if (error instanceof WorkflowException || error instanceof CatalogException) return { ok: false, error };
      throw error;
    }
  }

  /** The id of the record's open task from this template (for CompleteTask). */
  taskId(template: string): string {
    const task = this.current.tasks.find((candidate) => candidate.template === template && candidate.status === 'open');
    if (task === undefined) throw new Error(`no open task "${template}"; tasks: ${JSON.stringify(this.current.tasks)}`);
    return task.taskId;
  }

  /** The id of the live approval request of a transition (for GrantApproval / RejectApproval). */
  approvalId(event: string): string {
    const request = this.current.approvals.find((candidate) => candidate.event === event && (candidate.status === 'pending' || candidate.status === 'approved'));
    if (request === undefined) throw new Error(`no live approval request for "${event}"; approvals: ${JSON.stringify(this.current.approvals)}`);
    return request.approvalId;
  }

  /**
   * Fires every timer due at the scenario's moment, earliest first, as the scheduler does (actor
   * `system:timer`, command id derived from the timer id); the outcome of each.
   */
  fireDueTimers(): ScenarioOutcome[] {
    const outcomes: ScenarioOutcome[] = [];
    for (;;) {
      const due = [...this.current.timers].sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1)).find((timer) => timer.dueAt <= this.now.toISOString());
      if (due === undefined) return outcomes;
      outcomes.push(this.when({ type: 'FireTimer', timerId: due.timerId, actor: TIMER_ACTOR }, fireTimerCommandId(due.timerId)));
    }
  }

  private stored(event: DecidedRecordEvent, revision: number, command: RecordCommand): StoredEvent {
    return {
      id: `${command.commandId}-${revision}`,
      type: event.type,
      stream: recordStreamName(this.blueprint.definition.kind, this.recordId),
      revision,
      position: { commit: BigInt(revision), prepare: BigInt(revision) },
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: { commandId: command.commandId },
      occurredAt: event.occurredAt ?? this.now.toISOString(),
      recordedAt: this.now.toISOString(),
    };
  }
}

import type { Actor, CompiledBlueprint, ConversionDefinition, ConversionStep, FieldValues, MatchRule } from '@crm/blueprint';
import { fieldValueOf } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';
import type { ExistingRecord } from '../record/record.state';
import type { FireTransition } from '../transition/transition.commands';
import { transitionTitleOf } from '../transition/fire-transition';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { AbandonConversion, StartConversion } from './conversion.commands';
import type { ConversionStarted, PlannedRecord } from './conversion.events';
import {
  abandonCommandId,
  completeCommandId,
  conversionIdFor,
  keyedRecordId,
  linkFields,
  mappedFields,
  openStepCommandId,
  type MatchKeyOf,
} from './conversion-plan';
import { conversionOf } from './conversion-state';

/**
 * Existing records a conversion may link instead of opening new ones, for records it did not open
 * itself (those it finds by their keyed id). Backed by a read model, so a record opened a moment ago may
 * not be found yet: dedup of hand-made records is best effort, of the conversion's own exact.
 */
export interface RecordLookup {
  /** Ids of records of `kind` whose `field`, normalized by `rule`, equals `key`. */
  matching(kind: string, field: string, rule: MatchRule, key: string): Promise<readonly string[]>;
}

export interface ConversionOptions {
  readonly matchKeyOf: MatchKeyOf;
  readonly lookup?: RecordLookup;
}

/** What the conversion needs of the command handler: the one write path, and reading without writing. */
export interface ConversionHandler<Result> {
  execute(command: RecordCommandBase): Promise<Result>;
  /** The events `command` would store now, or the refusal it would meet; nothing is stored. */
  preview(command: RecordCommandBase, assumed: ReadonlySet<string>): Promise<unknown>;
  load(kind: string, recordId: string): Promise<ExistingRecord | null>;
  read(kind: string, recordId: string, actor: Actor): Promise<ExistingRecord>;
  /** The blueprint version the record is pinned to: refusals name its transitions by their titles. */
  blueprintOf(record: ExistingRecord): CompiledBlueprint;
}

export interface ConvertResult<Result> {
  /** The answer of the commit point (ConversionStarted). */
  readonly started: Result;
  /** The answer of the converting transition (ConversionCompleted). */
  readonly completed: Result;
}

interface Trace {
  readonly correlationId: string;
  readonly origin?: RecordCommandBase['origin'];
}

const assumedKey = (kind: string, recordId: string): string => `${kind}\u0000${recordId}`;

const isRefusal = (error: unknown): error is WorkflowException =>
  error instanceof WorkflowException && error.code !== WorkflowExceptionCode.CONCURRENCY_CONFLICT && error.code !== WorkflowExceptionCode.BLUEPRINT_VERSION_MISSING;

const problemOf = (step: string, kind: string, error: WorkflowException): Record<string, unknown> => ({ step, kind, code: error.code, message: error.message, details: error.details });

/**
 * Converting a record as one act for the user, with no multi-stream transaction (EventStoreDB has none):
 * plan, then check every step without storing (a refusal stores nothing), then commit on the converted
 * record (`ConversionStarted`, under its revision), then go forward only: open the planned records with
 * ids derived from the conversion, and fire the converting transition, which completes it. A crash after
 * the commit leaves the conversion pending and the `record-conversion` reactor carries it out with the
 * same command ids; a step refused after the commit ends it as `ConversionFailed` (README, "Conversion").
 */
export class RecordConversion<Result> {
  constructor(
    private readonly handler: ConversionHandler<Result>,
    private readonly options: ConversionOptions | undefined,
  ) {}

  async convert(command: FireTransition, definition: ConversionDefinition): Promise<ConvertResult<Result>> {
    const conversionId = conversionIdFor(command.commandId);
    const trace: Trace = { correlationId: command.correlationId ?? command.commandId, origin: command.origin };
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.handler.read(command.kind, command.recordId, command.actor);
      const earlier = conversionOf(record);
      const retried = earlier !== null && earlier.conversionId === conversionId;
      // A retried command whose conversion failed gets the same refusal; one that completed, the same answer.
      if (retried && earlier.status === 'failed') throw conversionFailed(record, earlier.step, { code: earlier.code ?? '', message: earlier.reason ?? '' }, earlier.event);
      const start = retried ? this.startOf(command, earlier) : await this.plan(command, record, definition, conversionId);
      try {
        // Committed on the revision planned from; a retry asks exactly that again, so it is answered as before.
        const started = await this.handler.execute({ ...start, expectedRevision: retried ? earlier.committedOn : record.revision });
        return { started, completed: await this.carryOut(start, trace) };
      } catch (error) {
        // The record changed while the plan was made: plan again on what it is now.
        if (error instanceof WorkflowException && error.code === WorkflowExceptionCode.CONCURRENCY_CONFLICT && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Carries out a conversion found started (after a crash): the same commands as the first time. */
  async resume(event: ConversionStarted['data'], kind: string, trace: Trace): Promise<Result> {
    const start: StartConversion = {
      type: 'StartConversion',
      kind,
      recordId: event.recordId,
      conversionId: event.conversionId,
      event: event.event,
      records: event.records,
      link: event.link,
      actor: event.requestedBy,
      commandId: event.conversionId,
    };
    return this.carryOut(start, trace);
  }

  private startOf(command: FireTransition, started: { readonly event: string; readonly records: readonly PlannedRecord[]; readonly link: FieldValues }): StartConversion {
    return {
      type: 'StartConversion',
      kind: command.kind,
      recordId: command.recordId,
      conversionId: conversionIdFor(command.commandId),
      event: started.event,
      records: started.records,
      link: started.link,
      actor: command.actor,
      commandId: command.commandId,
      correlationId: command.correlationId,
      ...(command.origin === undefined ? {} : { origin: command.origin }),
    };
  }

  /** The records to open or link, checked: a refusal anywhere is answered before anything is stored. */
  private async plan(command: FireTransition, record: ExistingRecord, definition: ConversionDefinition, conversionId: string): Promise<StartConversion> {
    const records: PlannedRecord[] = [];
    const ids = new Map<string, string>();
    for (const step of definition.creates) {
      const fields = mappedFields(step, record, ids);
      const found = await this.existing(step, fields);
      const recordId = found ?? this.newRecordId(step, fields, conversionId);
      ids.set(step.as, recordId);
      records.push({ as: step.as, kind: step.kind, recordId, found: found !== null, owner: record.owner ?? command.actor.id, fields: found === null ? fields : {} });
    }
    const start: StartConversion = {
      ...this.startOf(command, { event: command.event, records, link: linkFields(definition.link, ids) }),
      conversionId,
    };
    const assumed = new Set(records.filter((planned) => !planned.found).map((planned) => assumedKey(planned.kind, planned.recordId)));
    // The converting record's own rules first: what blocks the transition is what the user must fix.
    await this.handler.preview(start, assumed);
    const problems: Record<string, unknown>[] = [];
    for (const planned of records) {
      if (planned.found) continue;
      try {
        await this.handler.preview(this.openStep(start, planned, { correlationId: command.correlationId ?? command.commandId }), assumed);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        problems.push(problemOf(planned.as, planned.kind, error));
      }
    }
    if (problems.length > 0) {
      throw new WorkflowException(
        WorkflowExceptionCode.CONVERSION_REFUSED,
        `${transitionTitleOf(this.handler.blueprintOf(record), record.stage, command.event)} is not possible for ${record.kind} "${record.recordId}": ${problems.map((problem) => `the ${String(problem['kind'])} it opens: ${String(problem['message'])}`).join('; ')}`,
        { event: command.event, problems },
      );
    }
    return start;
  }

  /** The record a matching step links: one the conversion opened before under its keyed id, or one the lookup finds. */
  private async existing(step: ConversionStep, fields: FieldValues): Promise<string | null> {
    const key = this.matchKey(step, fields);
    if (step.match === undefined || key === null) return null;
    const keyed = keyedRecordId(step.kind, step.match.by, key);
    if ((await this.handler.load(step.kind, keyed)) !== null) return keyed;
    const matches = (await this.options?.lookup?.matching(step.kind, step.match.field, step.match.by, key)) ?? [];
    return [...matches].sort()[0] ?? null;
  }

  private matchKey(step: ConversionStep, fields: FieldValues): string | null {
    if (step.match === undefined) return null;
    if (this.options === undefined) throw new Error(`the ${step.kind} step of a conversion matches by ${step.match.by}, but the command handler was given no match rules (RecordCommandHandlerOptions.conversion)`);
    const value = fieldValueOf(fields, step.match.field);
    return value === undefined ? null : this.options.matchKeyOf(step.match.by, value);
  }

  private newRecordId(step: ConversionStep, fields: FieldValues, conversionId: string): string {
    const key = this.matchKey(step, fields);
    return step.match === undefined || key === null ? openStepCommandId(conversionId, step.as) : keyedRecordId(step.kind, step.match.by, key);
  }

  private openStep(start: StartConversion, planned: PlannedRecord, trace: Trace): RecordCommandBase {
    return {
      type: 'OpenRecord',
      kind: planned.kind,
      recordId: planned.recordId,
      owner: planned.owner,
      fields: planned.fields,
      actor: start.actor,
      commandId: openStepCommandId(start.conversionId, planned.as),
      correlationId: trace.correlationId,
      causationId: start.conversionId,
      ...(trace.origin === undefined ? {} : { origin: trace.origin }),
    } as RecordCommandBase;
  }

  /** Forward only: open what is planned, then fire the converting transition; a refusal ends the conversion. */
  private async carryOut(start: StartConversion, trace: Trace): Promise<Result> {
    const opened: { as: string; kind: string; recordId: string }[] = [];
    for (const planned of start.records) {
      if (planned.found) continue;
      try {
        await this.handler.execute(this.openStep(start, planned, trace));
        opened.push({ as: planned.as, kind: planned.kind, recordId: planned.recordId });
      } catch (error) {
        // Opened a moment ago by another conversion aiming at the same keyed id: link it.
        if (error instanceof WorkflowException && error.code === WorkflowExceptionCode.RECORD_ALREADY_EXISTS && planned.recordId !== openStepCommandId(start.conversionId, planned.as)) continue;
        if (!isRefusal(error)) throw error;
        return this.abandon(start, planned.as, error, opened, trace);
      }
    }
    const complete: FireTransition = {
      type: 'FireTransition',
      kind: start.kind,
      recordId: start.recordId,
      event: start.event,
      fields: start.link,
      conversionId: start.conversionId,
      actor: start.actor,
      commandId: completeCommandId(start.conversionId),
      correlationId: trace.correlationId,
      causationId: start.conversionId,
      ...(trace.origin === undefined ? {} : { origin: trace.origin }),
    };
    try {
      return await this.handler.execute(complete);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return this.abandon(start, null, error, opened, trace);
    }
  }

  private async abandon(start: StartConversion, step: string | null, refusal: WorkflowException, opened: AbandonConversion['opened'], trace: Trace): Promise<never> {
    const abandon: AbandonConversion = {
      type: 'AbandonConversion',
      kind: start.kind,
      recordId: start.recordId,
      conversionId: start.conversionId,
      step,
      reason: refusal.message,
      code: refusal.code,
      opened,
      actor: start.actor,
      commandId: abandonCommandId(start.conversionId),
      correlationId: trace.correlationId,
      causationId: start.conversionId,
      ...(trace.origin === undefined ? {} : { origin: trace.origin }),
    };
    try {
      await this.handler.execute(abandon);
    } catch (error) {
      // Abandoned before (a retry): the stored reason stands.
      if (!(error instanceof WorkflowException && error.code === WorkflowExceptionCode.INVALID_COMMAND)) throw error;
    }
    throw conversionFailed(start, step, refusal, start.event);
  }
}

export const conversionFailed = (
  record: { readonly kind: string; readonly recordId: string },
  step: string | null,
  refusal: { readonly code: string; readonly message: string },
  event: string,
): WorkflowException =>
  new WorkflowException(
    WorkflowExceptionCode.CONVERSION_FAILED,
    `${record.kind} "${record.recordId}" was not converted: ${step === null ? `the ${event} transition` : `the ${step} step`} was refused: ${refusal.message}`,
    { event, step, code: refusal.code, reason: refusal.message },
  );

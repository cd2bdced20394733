import type { Actor, FieldValues } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import { deriveId } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import { decideMatch, exactKeysOf, normalizeFields, type ExactKey, type MatchOutcome, type MatchRules } from '@crm/leads';
import {
  recordAfter,
  recordIdFor,
  WorkflowException,
  WorkflowExceptionCode,
  type CommandOrigin,
  type CaptureLead as LeadCaptureCommand,
  type LeadCapture,
  type LeadFound,
  type RecordCommandHandler,
  type RecordCommandResult,
} from '@crm/workflow';
import { IntakeException, IntakeExceptionCode } from '../intake.exception';
import { KeyReservations } from './key-reservations';
import { MatchFollower } from './match-follower';

export interface LeadDedupOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly commands: RecordCommandHandler;
  readonly rules: MatchRules;
  readonly onError?: (error: unknown) => void;
}

/** Who sends a command, and how it is traced. */
export interface CommandSender {
  readonly commandId: string;
  readonly actor: Actor;
  readonly origin?: CommandOrigin;
  readonly correlationId?: string;
}

export interface CaptureOutcome {
  /** `created`: a new lead; `merged`: into a lead kept already. */
  readonly status: 'created' | 'merged';
  readonly recordId: string;
  readonly rule: string | null;
  readonly score: number | null;
  /** The lead a near match points at (a review task was opened on the new lead). */
  readonly review: { readonly recordId: string; readonly rule: string; readonly score: number } | null;
  readonly result: RecordCommandResult;
}

/** How often a capture follows a lead merged away to the lead it went into. */
const MAX_MERGED_HOPS = 5;

const isMerged = (error: unknown): error is WorkflowException => error instanceof WorkflowException && error.code === WorkflowExceptionCode.LEAD_MERGED;

/**
 * Dedup of leads by the match rules (README, Intake and dedup): exact keys through reservation streams,
 * likeness through the in-memory index, every write through the record command handler.
 */
export class LeadDedup {
  readonly kind: string;
  private readonly reservations: KeyReservations;
  private readonly follower: MatchFollower;

  constructor(private readonly options: LeadDedupOptions) {
    this.kind = options.rules.kind;
    this.reservations = new KeyReservations(options.store, options.clock);
    this.follower = new MatchFollower(options.store, options.rules, options.onError);
  }

  get rules(): MatchRules {
    return this.options.rules;
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** What the rules say of these fields now (no claim): for tests and `explain` tools. */
  async match(fields: FieldValues, exclude?: string): Promise<MatchOutcome> {
    const keys = this.exactKeys(fields, null);
    return decideMatch(this.options.rules, fields, await this.holdersOf(keys), this.follower.index, { exclude });
  }

  /**
   * An incoming lead: merged into the lead it is, or opened. The lead's id derives from the command id,
   * so a retried intake goes to the same lead and stores nothing new (README, Intake and dedup).
   */
  async capture(incoming: FieldValues, capture: LeadCapture, sender: CommandSender, options: { readonly checked?: boolean } = {}): Promise<CaptureOutcome> {
    // Stored as the rules compare them: the email trimmed and lower-cased, the phone in E.164.
    const fields = normalizeFields(this.options.rules, incoming);
    const candidate = recordIdFor(sender.commandId);
    // A lead no record would take claims no key (`checked`: the caller has just checked it, as intake does for a whole batch).
    if (options.checked !== true) await this.check(incoming, capture, sender);
    const keys = this.exactKeys(fields, capture);
    const holders = await this.holdersOf(keys);
    const retried = keys.find(({ rule }) => rule.startsWith('intake:') && holders.has(`intake:${capture.source}:${capture.externalId}`));
    const outcome: MatchOutcome = retried !== undefined ? { kind: 'match', rule: retried.rule, recordId: holders.get(retried.key) ?? candidate, score: 1 } : decideMatch(this.options.rules, fields, holders, this.follower.index);
    const target = await this.claimFree(keys, holders, outcome.kind === 'match' ? outcome.recordId : candidate, candidate, sender.commandId);
    const found = this.foundFor(keys, holders, target, outcome, candidate);
    return this.captureInto(target, fields, capture, found, sender, 0);
  }

  /**
   * Claims the keys no lead held when read, all at once (one commit round, not one per key), for
   * `target`; the lead the capture goes to afterwards. When another intake claimed one of them first, the
   * lead is theirs (it may not be opened yet; whoever comes first opens it), and the keys claimed for the
   * candidate, which will not be opened now, are handed on to that lead.
   */
  private async claimFree(keys: readonly ExactKey[], holders: Map<string, string>, target: string, candidate: string, commandId: string): Promise<string> {
    const free = keys.filter(({ key }) => !holders.has(key));
    const claimed = await Promise.all(free.map(({ key }) => this.reservations.claim(this.kind, key, target, commandId)));
    free.forEach(({ key }, index) => holders.set(key, claimed[index] ?? target));
    const lost = free.find((_, index) => claimed[index] !== target);
    if (lost === undefined || target !== candidate) return target;
    const winner = holders.get(lost.key) ?? candidate;
    for (const { key } of free) {
      if (holders.get(key) !== candidate) continue;
      await this.reservations.release(this.kind, key, candidate, commandId);
      holders.set(key, await this.reservations.claim(this.kind, key, winner, deriveId(commandId, 'handed-on')));
    }
    return winner;
  }

  /** Refuses an incoming lead that no record would take (its shape, its field values), storing nothing. */
  async check(incoming: FieldValues, capture: LeadCapture, sender: CommandSender): Promise<void> {
    const fields = normalizeFields(this.options.rules, incoming);
    const command: LeadCaptureCommand = { ...sender, type: 'CaptureLead', kind: this.kind, recordId: recordIdFor(sender.commandId), fields, capture };
    await this.options.commands.precheck(command, fields);
  }

  /**
   * A lead opened by hand: refused as DUPLICATE_LEAD when the rules find it kept already (naming that
   * lead only to a user who may read it), unless `allowDuplicate` gives a reason, which is recorded.
   */
  async open(
    request: { readonly recordId?: string; readonly fields?: FieldValues; readonly owner?: string | null; readonly expectedRevision?: number },
    sender: CommandSender,
    allowDuplicate?: { readonly reason: string },
  ): Promise<RecordCommandResult> {
    // Kept as the rules compare them, as an intake keeps them.
    const fields = normalizeFields(this.options.rules, request.fields ?? {});
    const recordId = request.recordId ?? recordIdFor(sender.commandId);
    const base = { kind: this.kind, recordId: request.recordId, fields, owner: request.owner, expectedRevision: request.expectedRevision, ...sender };
    await this.options.commands.precheck({ ...base, type: 'OpenRecord' }, fields);
    const keys = this.exactKeys(fields, null);
    const holders = await this.holdersOf(keys);
    const outcome = decideMatch(this.options.rules, fields, holders, this.follower.index, { exclude: recordId });
    if (outcome.kind === 'match') {
      if (allowDuplicate === undefined) throw await this.duplicate(outcome.rule, outcome.recordId, sender.actor);
      return this.opened(await this.options.commands.execute({ ...base, type: 'OpenDuplicateLead', duplicate: { reason: allowDuplicate.reason, rules: [outcome.rule] } }));
    }
    const claimed: ExactKey[] = [];
    const releaseClaimed = async (): Promise<void> => {
      for (const { key } of claimed) await this.reservations.release(this.kind, key, recordId, sender.commandId);
    };
    for (const entry of keys) {
      if (holders.get(entry.key) === recordId) continue;
      const holder = await this.reservations.claim(this.kind, entry.key, recordId, sender.commandId);
      if (holder === recordId) {
        claimed.push(entry);
        continue;
      }
      // Another lead took the key a moment ago.
      await releaseClaimed();
      if (allowDuplicate === undefined) throw await this.duplicate(entry.rule, holder, sender.actor);
      return this.opened(await this.options.commands.execute({ ...base, type: 'OpenDuplicateLead', duplicate: { reason: allowDuplicate.reason, rules: [entry.rule] } }));
    }
    try {
      return this.opened(await this.options.commands.execute({ ...base, type: 'OpenRecord' }));
    } catch (error) {
      await releaseClaimed();
      throw error;
    }
  }

  /**
   * Merges `mergedLead` into `survivor` by hand: the merged lead is closed as merged first, then the
   * survivor takes its fields; each step has its own id derived from the command id, so a retry (or a
   * restart between the two) completes the merge without doing anything twice.
   */
  async merge(survivor: string, mergedLead: string, sender: CommandSender, reason?: string): Promise<RecordCommandResult> {
    if (survivor === mergedLead) throw new IntakeException(IntakeExceptionCode.INVALID_MERGE, `lead "${survivor}" cannot be merged into itself`, { recordId: survivor });
    await this.options.commands.read(this.kind, survivor, sender.actor);
    const away = await this.options.commands.read(this.kind, mergedLead, sender.actor);
    const mergeId = deriveId(sender.commandId, 'merge');
    const step = (name: string): CommandSender => ({ ...sender, commandId: deriveId(sender.commandId, name), correlationId: sender.correlationId ?? sender.commandId });
    await this.options.commands.execute({ ...step('merge:away'), type: 'MarkLeadMerged', kind: this.kind, recordId: mergedLead, into: survivor, mergeId, ...(reason === undefined ? {} : { reason }) });
    try {
      const result = await this.options.commands.execute({
        ...step('merge:into'),
        type: 'MergeLead',
        kind: this.kind,
        recordId: survivor,
        mergedLead,
        mergeId,
        payload: away.fields,
        ...(reason === undefined ? {} : { reason }),
      });
      this.follower.apply(result.events.map((event) => ({ ...event, stream: `${this.kind}-${survivor}` })));
      return result;
    } catch (error) {
      // The survivor refused (a rule, a closed lead): the merged lead is restored, nothing is half done.
      await this.options.commands.execute({ ...step('merge:undo'), type: 'RestoreMergedLead', kind: this.kind, recordId: mergedLead, from: survivor });
      throw error;
    }
  }

  /** Undoes a manual merge: the survivor gives back what it filled, the merged lead is open again. */
  async split(survivor: string, mergedLead: string, sender: CommandSender): Promise<RecordCommandResult> {
    const step = (name: string): CommandSender => ({ ...sender, commandId: deriveId(sender.commandId, name), correlationId: sender.correlationId ?? sender.commandId });
    const result = await this.options.commands.execute({ ...step('split:survivor'), type: 'SplitLead', kind: this.kind, recordId: survivor, mergedLead });
    const restored = await this.options.commands.execute({ ...step('split:restore'), type: 'RestoreMergedLead', kind: this.kind, recordId: mergedLead, from: survivor });
    this.follower.apply(restored.events.map((event) => ({ ...event, stream: `${this.kind}-${mergedLead}` })));
    this.follower.apply(result.events.map((event) => ({ ...event, stream: `${this.kind}-${survivor}` })));
    return result;
  }

  private async captureInto(target: string, fields: FieldValues, capture: LeadCapture, found: LeadFound, sender: CommandSender, hops: number): Promise<CaptureOutcome> {
    try {
      const result = await this.options.commands.execute({ ...sender, type: 'CaptureLead', kind: this.kind, recordId: target, fields, capture, found });
      this.follower.apply(result.events.map((event) => ({ ...event, stream: `${this.kind}-${target}` })));
      // A retry gets the first answer's events back, so it reads the same.
      const status = result.events.some((event) => event.type === 'RecordOpened') ? 'created' : 'merged';
      return {
        status,
        recordId: target,
        rule: status === 'merged' ? (found.match?.rule ?? 'same-lead') : null,
        score: status === 'merged' ? (found.match?.score ?? 1) : null,
        review: status === 'created' ? (found.review ?? null) : null,
        result,
      };
    } catch (error) {
      // Merged away since its key was claimed: the lead lives on in the one it went into.
      if (!isMerged(error) || hops >= MAX_MERGED_HOPS) throw error;
      const into = String(error.details['into']);
      return this.captureInto(into, fields, capture, { match: found.match ?? { rule: 'same-lead', score: 1 } }, sender, hops + 1);
    }
  }

  private foundFor(keys: readonly ExactKey[], holders: ReadonlyMap<string, string>, target: string, outcome: MatchOutcome, candidate: string): LeadFound {
    // The rule that chose the lead; after a lost race, the rule of the key the other intake claimed.
    const exact = keys.find(({ key, rule }) => holders.get(key) === target && !rule.startsWith('intake:'));
    const match =
      outcome.kind === 'match' && outcome.recordId === target && !outcome.rule.startsWith('intake:')
        ? { rule: outcome.rule, score: outcome.score }
        : exact !== undefined
          ? { rule: exact.rule, score: 1 }
          : undefined;
    const review = outcome.kind === 'near' && target === candidate ? { rule: outcome.rule, score: outcome.score, recordId: outcome.recordId } : undefined;
    return { ...(match === undefined ? {} : { match }), ...(review === undefined ? {} : { review }) };
  }

  /**
   * The exact keys of these fields; an intake whose lead has none (no email, no phone) claims its own
   * source and external id instead, so a retry finds the lead the first attempt went to.
   */
  private exactKeys(fields: FieldValues, capture: LeadCapture | null): ExactKey[] {
    const keys = exactKeysOf(this.options.rules, fields);
    if (keys.length > 0 || capture === null) return keys;
    return [{ rule: `intake:${capture.source}`, key: `intake:${capture.source}:${capture.externalId}` }];
  }

  private async holdersOf(keys: readonly ExactKey[]): Promise<Map<string, string>> {
    const found = await Promise.all(keys.map(({ key }) => this.reservations.holderOf(this.kind, key)));
    return new Map(keys.flatMap(({ key }, index) => (found[index] === null || found[index] === undefined ? [] : [[key, found[index]]])));
  }

  private opened(result: RecordCommandResult): RecordCommandResult {
    this.follower.apply(result.events.map((event) => ({ ...event, stream: `${this.kind}-${result.recordId}` })));
    recordAfter(result);
    return result;
  }

  private async duplicate(rule: string, existing: string, actor: Actor): Promise<IntakeException> {
    const readable = await this.options.commands.read(this.kind, existing, actor).then(
      () => true,
      () => false,
    );
    return new IntakeException(
      IntakeExceptionCode.DUPLICATE_LEAD,
      readable ? `this lead is kept already as lead "${existing}" (rule ${rule})` : `this lead is kept already (rule ${rule}), as a lead you may not read`,
      { rule, ...(readable ? { existing } : {}) },
    );
  }
}

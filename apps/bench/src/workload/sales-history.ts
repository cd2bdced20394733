import { v7 as uuidv7 } from 'uuid';
import { compileBlueprint, type BlueprintDefinition, type CompiledBlueprint, type FieldValues } from '@crm/blueprint';
import { fingerprintOf } from '@crm/command-handler';
import type { JsonObject, StoredEvent } from '@crm/event-store';
import {
  decideRecord,
  eventIdFor,
  isRecordEvent,
  noRecord,
  recordIdFor,
  RecordSlices,
  RECORD_EVENT_SCHEMAS,
  standardTiming,
  recordStreamName,
  type DecidedRecordEvent,
  type ImportedStageVisit,
  type RecordCommand,
  type RecordCommandBase,
  type RecordEventMetadata,
  type RecordState,
} from '@crm/workflow';
import {
  ACCOUNTS,
  benchActor,
  closeWonSteps,
  fieldUpdate,
  LOSS_REASONS,
  managerOf,
  money,
  ownerId,
  PATH,
  plannedCommand,
  PRODUCTS,
  PROPOSAL_TASK,
  SOURCES,
  STAGE_MIX,
  teammate,
  transitionInto,
  type DateOf,
  type PlannedStep,
} from './opportunity-histories';
import { SeededRandom } from './seeded-random';

/**
 * A CRM's sales history, dated over several years of business time, as the rows the SQLite event store
 * holds: opportunities opened by many reps, worked (field updates, the odd reassignment by the team
 * manager, the proposal task done before negotiating), moved along the blueprint's stages and won
 * (through the approval chain: the team manager, and the deal desk for big discounts) or lost — or left
 * open, as real pipelines are. It is for the projection benchmarks, which need a million events: far too
 * many to send through `RecordCommandHandler` one command at a time. So every command is decided here
 * with the engine's own pure parts — the pinned compiled blueprint, `decideRecord` (guards judged by
 * XState and CEL; tasks, stage timers and approval requests as the slices decide them), the record
 * slices' fold (task and approval ids are taken from it), the handler's metadata and its derived ids —
 * exactly as the handler would, and the caller appends the resulting rows in large batches. A command
 * the engine would refuse throws: the history never holds what the engine could not have written.
 * Timers are set and cancelled as the stages are entered and left; none fires, as no scheduler runs in
 * this history (a deal left quiet shows no RecordStalled).
 *
 * Order in the log follows business time, as a live system records it; a go-live import of older deals
 * (`ImportRecordHistory`) comes first; the next opportunity version (recalibrated probabilities) is published
 * partway, and records opened after it pin it.
 */

export interface SalesHistoryOptions {
  readonly seed: number;
  /** Events to generate, exactly (blueprint publications included). */
  readonly events: number;
  /** The blueprints the engine publishes at go-live; `opportunity` gets its next version partway. */
  readonly blueprints: readonly BlueprintDefinition[];
  /** Reps owning deals; default 400. */
  readonly owners?: number;
  /** Go-live: the first live business day (a Monday, UTC); default 2021-01-04. */
  readonly goLive?: string;
  /** Business years the live history should span (it sets how many deals open per day); default 5. */
  readonly years?: number;
}

/** One stored event, as the store's `events` table row (its position is the order of the rows). */
export interface HistoryRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  /** JSON text, as the store serializes it. */
  readonly data: string;
  readonly metadata: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/**
 * What the writer does next: append the rows one command decided (the command and its business time
 * come along, so a test can send it through the real handler and compare), or publish a blueprint
 * version at `at`.
 */
export type HistoryItem =
  | { readonly kind: 'rows'; readonly rows: readonly HistoryRow[]; readonly command: RecordCommand; readonly at: string }
  | { readonly kind: 'publish'; readonly definition: BlueprintDefinition; readonly ref: CompiledBlueprint['ref']; readonly at: string };

export interface SalesHistorySummary {
  readonly seed: number;
  readonly events: number;
  readonly liveRecords: number;
  readonly importedRecords: number;
  readonly commands: number;
  readonly owners: number;
  /** Business time of the first and last record event. */
  readonly firstOccurredAt: string;
  readonly lastOccurredAt: string;
  readonly goLive: string;
  /** The opportunity version published partway (the shipped one plus one), and when; records opened later pin it. */
  readonly secondVersion: number;
  readonly secondVersionAt: string;
  readonly eventTypes: Readonly<Record<string, number>>;
  /** Where the records stand at the end of the history. */
  readonly stages: Readonly<Record<string, number>>;
}

/**
 * Events per live record, measured on this generator (the summary's events less imports and
 * publications, over its live records): it sets the arrival rate so that the history spans about
 * `years` whatever its size.
 */
const EVENTS_PER_LIVE_RECORD = 10.8;
const IMPORTED_SHARE = 0.03;
/** Share of the deals that stall in an open stage which are closed as lost later on. */
const CLEANED_UP_SHARE = 0.9;
const DAY_MS = 86_400_000;
/** Business time runs on weekdays, 08:00–18:00 UTC. */
const BUSINESS_DAY_MS = 10 * 3_600_000;
const BUSINESS_DAYS_PER_YEAR = 261;

/** Days a deal typically stays in each stage before moving on (business days, min–max). */
const DWELL_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  qualification: [1, 12],
  needs_analysis: [2, 20],
  proposal: [3, 25],
  negotiation: [3, 30],
  contract_approval: [1, 8],
};

/** Maps business time (ms of weekday working hours since go-live) to a calendar instant. */
class BusinessCalendar {
  constructor(private readonly goLiveMs: number) {}

  instant(businessMs: number): number {
    const day = Math.floor(businessMs / BUSINESS_DAY_MS);
    const calendarDay = Math.floor(day / 5) * 7 + (day % 5);
    return this.goLiveMs + calendarDay * DAY_MS + 8 * 3_600_000 + (businessMs - day * BUSINESS_DAY_MS);
  }
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A date field `min`–`max` calendar days after `fromMs`. */
const daysAfter = (fromMs: number, min: number, max: number): DateOf => (random) => isoDay(fromMs + random.int(min, max) * DAY_MS);

interface DatedStep {
  /** Business ms since go-live. */
  readonly at: number;
  readonly step: PlannedStep;
}

interface LiveRecord {
  readonly index: number;
  readonly openedAt: number;
  readonly owner: string;
  readonly openFields: FieldValues;
  readonly steps: readonly DatedStep[];
}

/**
 * One live opportunity's life: stage path, dwell times, updates between transitions, maybe a
 * reassignment; the proposal task done some time before negotiating; a won deal's approvals granted
 * within a couple of business days of each other.
 */
const planLiveRecord = (random: SeededRandom, index: number, owners: number, openedAt: number, calendar: BusinessCalendar): LiveRecord => {
  const firstOwner = ownerId(Math.floor(owners * random.next() ** 2));
  let owner = firstOwner;
  const finalStage = random.weighted(STAGE_MIX);
  const lostAt = finalStage === 'closed_lost' ? random.int(0, 3) : -1;
  const lastOnPath = finalStage === 'closed_lost' ? lostAt : PATH.indexOf(finalStage as (typeof PATH)[number]);
  const reassignAt = random.chance(0.04) ? random.int(0, Math.min(lastOnPath, PATH.length - 2)) : -1;
  const steps: DatedStep[] = [];
  let discount = 0;
  let at = openedAt;
  const stepOn = (): number => {
    at += random.int(5, 60) * 60_000;
    return at;
  };
  for (let position = 0; position <= lastOnPath; position += 1) {
    const stage = PATH[position] as string;
    if (stage === 'closed_won') break;
    const [minDays, maxDays] = DWELL_DAYS[stage] as readonly [number, number];
    const dwellEnd = at + random.int(minDays * BUSINESS_DAY_MS, maxDays * BUSINESS_DAY_MS);
    // A deal left open in its last stage goes quiet: a few updates, then nothing.
    const stalled = position === lastOnPath && finalStage !== 'closed_lost';
    if (position === reassignAt) {
      const to = teammate(random, owner, owners);
      if (to !== owner) steps.push({ at: stepOn(), step: { kind: 'reassign', actor: managerOf(owner), owner: to } });
      owner = to;
    }
    const updates = random.weighted([
      [0, 45],
      [1, 40],
      [2, 15],
    ] as const);
    for (let update = 0; update < updates; update += 1) {
      at = Math.max(at + 60_000, at + Math.floor(random.next() * (dwellEnd - at)));
      const fields = fieldUpdate(random, daysAfter(calendar.instant(at), 15, 120));
      if (typeof fields['discount'] === 'number') discount = fields['discount'];
      steps.push({ at, step: { kind: 'update', actor: owner, fields } });
    }
    if (stalled) {
      // Pipeline hygiene: most deals that went quiet are closed as lost by a manager months later; a few
      // linger open for ever, as in any real CRM.
      if (random.chance(CLEANED_UP_SHARE)) {
        at += random.int(40 * BUSINESS_DAY_MS, 200 * BUSINESS_DAY_MS);
        steps.push({ at, step: { kind: 'transition', actor: managerOf(owner), event: 'close_lost', fields: { lossReason: 'no_decision' } } });
      }
      break;
    }
    const next = PATH[position + 1];
    if (position < lastOnPath && next === 'negotiation') {
      // The proposal went out some time before the negotiation starts.
      at = Math.max(at + 60_000, at + Math.floor(random.next() * (dwellEnd - at)));
      steps.push({ at, step: { kind: 'completeTask', actor: owner, template: PROPOSAL_TASK } });
    }
    at = Math.max(at + 60_000, dwellEnd);
    if (position < lastOnPath && next) {
      const dateOf = next === 'closed_won' ? (): string => isoDay(calendar.instant(at)) : daysAfter(calendar.instant(at), 30, 180);
      const { event, fields } = transitionInto(next, random, dateOf);
      if (event !== 'close_won') steps.push({ at, step: { kind: 'transition', actor: owner, event, fields } });
      else {
        // The owner asks on closing; each approver grants within a couple of business days.
        closeWonSteps(owner, fields, discount).forEach((step, index) => {
          if (index > 0) at += random.int(3_600_000, 2 * BUSINESS_DAY_MS);
          steps.push({ at, step });
        });
      }
    }
  }
  if (finalStage === 'closed_lost') {
    steps.push({ at: stepOn(), step: { kind: 'transition', actor: owner, event: 'close_lost', fields: { lossReason: random.pick(LOSS_REASONS) } } });
  }
  const openFields: Record<string, FieldValues[string]> = {
    name: `${random.pick(ACCOUNTS)} ${random.pick(PRODUCTS)} deal ${index}`,
    source: random.pick(SOURCES),
    product: random.pick(PRODUCTS),
  };
  if (random.chance(0.6)) openFields['amount'] = money(random, 5_000, 500_000);
  if (random.chance(0.7)) openFields['closeDate'] = daysAfter(calendar.instant(openedAt), 30, 150)(random);
  return { index, openedAt, owner: firstOwner, openFields, steps };
};

/** A deal from the system the CRM replaced, imported at go-live with its past stage visits. */
const importCommand = (random: SeededRandom, index: number, owners: number, goLiveMs: number, commandId: string): RecordCommand => {
  let time = goLiveMs - random.int(30, 730) * DAY_MS + random.int(8, 17) * 3_600_000;
  const openedAt = new Date(time).toISOString();
  const fields: Record<string, FieldValues[string]> = { name: `Imported ${random.pick(ACCOUNTS)} deal ${index}`, source: random.pick(SOURCES) };
  if (random.chance(0.6)) fields['closeDate'] = isoDay(time + random.int(30, 200) * DAY_MS);
  const path = random.pick([
    ['needs_analysis', 'proposal', 'negotiation', 'contract_approval', 'closed_won'],
    ['needs_analysis', 'proposal', 'negotiation', 'closed_lost'],
    ['needs_analysis', 'proposal', 'closed_lost'],
    ['needs_analysis', 'closed_lost'],
    ['closed_lost'],
    ['needs_analysis', 'proposal'],
    [],
  ]);
  const stages: ImportedStageVisit[] = [];
  for (const stage of path) {
    time += random.int(1, 40) * DAY_MS;
    if (time >= goLiveMs) break;
    const enteredAt = new Date(time).toISOString();
    if (stage === 'negotiation') stages.push({ stage, enteredAt, fields: { amount: money(random, 5_000, 500_000) } });
    else if (stage === 'closed_won') stages.push({ stage, enteredAt, fields: { closeDate: isoDay(time) } });
    else if (stage === 'closed_lost') stages.push({ stage, enteredAt, fields: { lossReason: random.pick(LOSS_REASONS) } });
    else stages.push({ stage, enteredAt });
  }
  return {
    type: 'ImportRecordHistory',
    kind: 'opportunity',
    recordId: recordIdFor(commandId),
    owner: random.chance(0.03) ? null : ownerId(Math.floor(owners * random.next() ** 2)),
    openedAt,
    fields,
    stages,
    source: `legacy-crm.csv#row ${index + 2}`,
    commandId,
    actor: { id: 'importer', roles: ['admin'] },
  };
};

/** The opportunity blueprint's next version: win probabilities recalibrated on the first years' outcomes. */
export const opportunityVersionTwo = (v1: BlueprintDefinition): BlueprintDefinition => {
  const probabilities: Readonly<Record<string, number>> = { needs_analysis: 15, proposal: 40, negotiation: 65, contract_approval: 85 };
  return { ...v1, version: v1.version + 1, stages: v1.stages.map((stage) => ({ ...stage, probability: probabilities[stage.id] ?? stage.probability })) };
};

interface QueuedStep {
  readonly at: number;
  readonly order: number;
  readonly record: ActiveRecord;
}

/** A binary min-heap of live records by the business time of their next step. */
class NextStepQueue {
  private readonly items: QueuedStep[] = [];

  peekAt(): number {
    return this.items[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  push(at: number, order: number, record: ActiveRecord): void {
    this.items.push({ at, order, record });
    let index = this.items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(index, parent)) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): ActiveRecord {
    const items = this.items;
    const top = this.at(0);
    const last = this.at(items.length - 1);
    items.pop();
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        let smallest = index;
        if (left < items.length && this.before(left, smallest)) smallest = left;
        if (left + 1 < items.length && this.before(left + 1, smallest)) smallest = left + 1;
        if (smallest === index) break;
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top.record;
  }

  private at(index: number): QueuedStep {
    const item = this.items[index];
    if (item === undefined) throw new RangeError(`the step queue has no item ${index}`);
    return item;
  }

  private swap(a: number, b: number): void {
    const x = this.at(a);
    this.items[a] = this.at(b);
    this.items[b] = x;
  }

  private before(a: number, b: number): boolean {
    const x = this.at(a);
    const y = this.at(b);
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }
}

interface ActiveRecord {
  readonly plan: LiveRecord;
  readonly recordId: string;
  state: RecordState;
  next: number;
}

/**
 * The history as items in log order. The return value (after the last item) summarizes it. Same seed
 * and size, same rows, on every machine: command ids are UUIDv7s of the business time with seeded
 * random bits, and every other id derives from them as the engine derives it.
 */
export function* generateSalesHistory(options: SalesHistoryOptions): Generator<HistoryItem, SalesHistorySummary> {
  const random = new SeededRandom(options.seed);
  const idRandom = new SeededRandom(options.seed ^ 0x5eed);
  const owners = options.owners ?? 400;
  const goLive = options.goLive ?? '2021-01-04T00:00:00.000Z';
  const goLiveMs = Date.parse(goLive);
  const calendar = new BusinessCalendar(goLiveMs);
  const years = options.years ?? 5;
  const liveRecordsWanted = options.events / EVENTS_PER_LIVE_RECORD;
  const meanArrivalGap = (years * BUSINESS_DAYS_PER_YEAR * BUSINESS_DAY_MS) / liveRecordsWanted;
  const importedRecords = Math.round(liveRecordsWanted * IMPORTED_SHARE);

  const opportunityV1 = options.blueprints.find((definition) => definition.kind === 'opportunity');
  if (!opportunityV1) throw new Error('the sales history needs the opportunity blueprint');
  const opportunityV2 = opportunityVersionTwo(opportunityV1);
  let blueprint = compileBlueprint(opportunityV1);
  const secondVersion = compileBlueprint(opportunityV2);
  const slices = new RecordSlices();
  const timing = standardTiming();
  const foldContext = { isFinal: (ref: { version: number }, stage: string) => byVersion.get(ref.version)?.stage(stage)?.final === true };
  const byVersion = new Map<number, CompiledBlueprint>([
    [blueprint.ref.version, blueprint],
    [secondVersion.ref.version, secondVersion],
  ]);
  const secondVersionAt = 0.55 * years * BUSINESS_DAYS_PER_YEAR * BUSINESS_DAY_MS;

  let events = 0;
  let commands = 0;
  const eventTypes: Record<string, number> = {};
  const stages: Record<string, number> = {};
  let firstOccurredAt: string | null = null;
  let lastOccurredAt = goLive;
  const commandIdAt = (ms: number): string => {
    const bytes = new Uint8Array(16);
    for (let index = 0; index < 16; index += 1) bytes[index] = idRandom.int(0, 255);
    return uuidv7({ msecs: ms, random: bytes });
  };
  const room = (count: number): boolean => events + count <= options.events;
  const publication = (definition: BlueprintDefinition, at: string): HistoryItem => {
    events += 1;
    eventTypes['BlueprintVersionPublished'] = (eventTypes['BlueprintVersionPublished'] ?? 0) + 1;
    return { kind: 'publish', definition, ref: compileBlueprint(definition).ref, at };
  };

  const tally = (event: DecidedRecordEvent, occurredAt: string): void => {
    eventTypes[event.type] = (eventTypes[event.type] ?? 0) + 1;
    if (!isRecordEvent(event)) throw new Error(`the decider produced ${event.type}, which no built-in slice declares`);
    if (event.type === 'RecordOpened') stages[event.data.stage] = (stages[event.data.stage] ?? 0) + 1;
    if (event.type === 'Transitioned' || event.type === 'StageRecorded') {
      stages[event.data.from] = (stages[event.data.from] ?? 0) - 1;
      stages[event.data.to] = (stages[event.data.to] ?? 0) + 1;
    }
    if (firstOccurredAt === null || occurredAt < firstOccurredAt) firstOccurredAt = occurredAt;
    if (occurredAt > lastOccurredAt) lastOccurredAt = occurredAt;
  };

  /**
   * Decides a command on the record's state as the handler does (pinned blueprint, its metadata, its
   * event ids); null when the events would not fit in the history any more.
   */
  const decide = (command: RecordCommand, state: RecordState, nowMs: number): { item: HistoryItem; rows: HistoryRow[]; state: RecordState } | null => {
    const pinned = state.status === 'none' ? blueprint : (byVersion.get(state.blueprint.version) as CompiledBlueprint);
    const now = new Date(nowMs);
    const decided = decideRecord(command, state, { blueprint: pinned, now, timing, references: { exists: () => true } });
    if (!room(decided.length)) return null;
    const recordedAt = now.toISOString();
    const stream = recordStreamName(command.kind, state.recordId);
    let next = state;
    const rows = decided.map((event, index): HistoryRow => {
      const metadata = handlerMetadata(command, pinned.ref, event.type);
      const metadataJson = JSON.stringify(metadata);
      const occurredAt = event.occurredAt ?? recordedAt;
      const row: HistoryRow = {
        id: eventIdFor(command.commandId, index),
        stream,
        revision: state.revision + 1 + index,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: metadataJson,
        occurredAt,
        recordedAt,
      };
      next = slices.evolve(next, [storedOf(row, event, metadata)], foldContext);
      tally(event, occurredAt);
      return row;
    });
    events += rows.length;
    commands += 1;
    return { item: { kind: 'rows', rows, command, at: recordedAt }, rows, state: next };
  };

  // Go-live: the engine publishes its blueprints, then the old system's deals are imported.
  const setupAt = new Date(goLiveMs - 3_600_000).toISOString();
  for (const definition of options.blueprints) {
    if (room(1)) yield publication(definition, setupAt);
  }
  let imported = 0;
  for (let index = 0; index < importedRecords && events < options.events; index += 1) {
    const commandId = commandIdAt(goLiveMs - 1_800_000);
    const decided = decide(importCommand(random, index, owners, goLiveMs, commandId), noRecord('opportunity', recordIdFor(commandId)), goLiveMs - 1_800_000);
    if (decided === null) continue;
    imported += 1;
    yield decided.item;
  }

  // Live: deals arrive at random through the working days; each one's next step is queued by its time.
  const queue = new NextStepQueue();
  let liveRecords = 0;
  let nextArrival = random.next() * meanArrivalGap;
  let order = 0;
  let published = false;
  while (events < options.events) {
    const nextStep = queue.peekAt();
    const at = Math.min(nextArrival, nextStep);
    if (!published && secondVersionAt <= at) {
      published = true;
      if (room(1)) {
        yield publication(opportunityV2, new Date(calendar.instant(secondVersionAt)).toISOString());
        blueprint = secondVersion;
      }
      continue;
    }
    if (nextArrival <= nextStep) {
      const plan = planLiveRecord(random, liveRecords, owners, nextArrival, calendar);
      nextArrival += -Math.log(1 - random.next()) * meanArrivalGap;
      const actor = benchActor(plan.owner);
      const commandId = commandIdAt(calendar.instant(plan.openedAt));
      const command: RecordCommand = { type: 'OpenRecord', kind: 'opportunity', commandId, actor, owner: plan.owner, fields: plan.openFields };
      const recordId = recordIdFor(commandId);
      const decided = decide(command, noRecord('opportunity', recordId), calendar.instant(plan.openedAt));
      if (decided === null) continue;
      liveRecords += 1;
      yield decided.item;
      const record: ActiveRecord = { plan, recordId, state: decided.state, next: 0 };
      if (plan.steps.length > 0) queue.push((plan.steps[0] as DatedStep).at, (order += 1), record);
      continue;
    }
    const record = queue.pop();
    const { at: stepAt, step } = record.plan.steps[record.next] as DatedStep;
    const instant = calendar.instant(stepAt);
    const decided = decide(plannedCommand(record.recordId, step, commandIdAt(instant), record.state), record.state, instant);
    // A command that does not fit ends its record's history here (the record stays as it is).
    if (decided === null) continue;
    record.state = decided.state;
    record.next += 1;
    yield decided.item;
    if (record.next < record.plan.steps.length) queue.push((record.plan.steps[record.next] as DatedStep).at, (order += 1), record);
  }

  return {
    seed: options.seed,
    events,
    liveRecords,
    importedRecords: imported,
    commands,
    owners,
    firstOccurredAt: firstOccurredAt ?? goLive,
    lastOccurredAt,
    goLive,
    secondVersion: secondVersion.ref.version,
    secondVersionAt: new Date(calendar.instant(secondVersionAt)).toISOString(),
    eventTypes,
    stages,
  };
}

/** What a retry of the command must ask again: the command without who sends it and how it is traced. */
const intentOf = (command: RecordCommandBase): Record<string, unknown> => {
  const { commandId: _commandId, actor: _actor, correlationId: _correlationId, causationId: _causationId, origin: _origin, ...intent } = command;
  return intent;
};

/**
 * The metadata `RecordCommandHandler` stores on every event of a command, key for key in its order:
 * its own (actor, roles, correlation, causation, command id, pinned blueprint, import source) and then
 * the command loop's `commandHash`, the fingerprint a retry is checked against.
 */
const handlerMetadata = (command: RecordCommand, blueprint: CompiledBlueprint['ref'], eventType: string): RecordEventMetadata & { readonly commandHash: string } => ({
  actor: command.actor.id,
  roles: command.actor.roles,
  correlationId: command.correlationId ?? command.commandId,
  causationId: command.causationId ?? command.commandId,
  commandId: command.commandId,
  blueprint,
  ...(command.origin === undefined ? {} : { origin: command.origin }),
  ...(command.type === 'ImportRecordHistory' ? { imported: true as const, importSource: command.source } : {}),
  // The event's schema version, as the command loop stamps it (README, "Event schema versions").
  ...RECORD_EVENT_SCHEMAS.stampOf(eventType),
  commandHash: fingerprintOf(intentOf(command)),
});

/** The stored form the record fold reads (type, data, revision, occurredAt). */
const storedOf = (row: HistoryRow, event: DecidedRecordEvent, metadata: RecordEventMetadata): StoredEvent => ({
  id: row.id,
  type: row.type,
  stream: row.stream,
  revision: row.revision,
  position: { commit: -1n, prepare: -1n },
  data: event.data as unknown as JsonObject,
  metadata: metadata as unknown as JsonObject,
  occurredAt: row.occurredAt,
  recordedAt: row.recordedAt,
});

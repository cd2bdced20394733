import type { FieldValues } from '@crm/blueprint';
import type { ManualClock } from '@crm/clock';
import type { BlueprintCatalog, ImportedStageVisit, RecordCommand, RecordCommandHandler } from '@crm/workflow';
import { dealBlueprint } from './deal-blueprint.fixture';

export interface HistoryOptions {
  readonly seed: number;
  /** Records written command by command through the handler, the clock moved to each business time. */
  readonly liveRecords: number;
  /** Records written afterwards with ImportRecordHistory, with past business times. */
  readonly importedRecords: number;
  readonly owners: number;
  /** First business day of the history. */
  readonly start: string;
  readonly days: number;
}

export interface GeneratedHistory {
  readonly owners: readonly string[];
  readonly commands: number;
  /** Where blueprint version 2 was published (business time); records opened after it pin version 2. */
  readonly secondVersionAt: string;
  readonly end: string;
}

const dayMs = 86_400_000;
const sources = ['web', 'referral', 'event', 'partner'] as const;
const regions = ['north', 'south', 'east', 'west'] as const;
const lossReasons = ['price', 'competitor', 'no_decision', 'timing'] as const;

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
const randomSource = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = randomSource(seed);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    return values[this.integer(0, values.length - 1)];
  }

  /** A money amount with cents, so rounding is exercised. */
  amount(): number {
    return this.integer(100_000, 25_000_000) / 100;
  }

  /** A gap of whole days plus some hours, so business times are not all midnights. */
  gapMs(minDays: number, maxDays: number): number {
    return this.integer(minDays, maxDays) * dayMs + this.integer(0, 23) * 3_600_000;
  }
}

interface Step {
  readonly at: number;
  readonly order: number;
  readonly run: () => Promise<unknown>;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface Walk {
  readonly steps: Step[];
}

/** One live record: open, then a random walk through the blueprint until it closes or time runs out. */
const planLiveRecord = (
  dice: Dice,
  handler: RecordCommandHandler,
  index: number,
  owners: readonly string[],
  startMs: number,
  endMs: number,
  days: number,
  nextOrder: () => number,
): Walk => {
  const recordId = `live-${index}`;
  let owner = dice.pick(owners);
  let time = startMs + dice.gapMs(0, Math.floor(days * 0.9));
  let step = 0;
  let amount: number | null = dice.chance(0.5) ? dice.amount() : null;
  const steps: Step[] = [];
  const add = (at: number, build: (actor: string, commandId: string) => RecordCommand): void => {
    const commandId = `gen-${recordId}-${step}`;
    step += 1;
    const actor = owner;
    steps.push({ at, order: nextOrder(), run: () => handler.execute(build(actor, commandId)) });
  };
  const fields: Record<string, string | number> = { name: `Deal ${index}`, source: dice.pick(sources), region: dice.pick(regions) };
  if (amount !== null) fields['amount'] = amount;
  if (dice.chance(0.7)) fields['closeDate'] = isoDay(time + dice.gapMs(20, 150));
  const openFields = { ...fields };
  add(time, (actor, commandId) => ({ type: 'OpenRecord', kind: 'opportunity', recordId, commandId, actor: { id: actor, roles: ['rep'] }, fields: openFields }));

  const fire = (event: string, supplied: FieldValues = {}): void =>
    add(time, (actor, commandId) => ({
      type: 'FireTransition',
      kind: 'opportunity',
      recordId,
      event,
      fields: supplied,
      commandId,
      actor: { id: actor, roles: ['rep'] },
    }));
  const update = (): void => {
    const changes: FieldValues = dice.chance(0.5) ? { amount: dice.amount() } : { closeDate: isoDay(time + dice.gapMs(10, 120)) };
    if (typeof changes['amount'] === 'number') amount = changes['amount'];
    add(time, (actor, commandId) => ({ type: 'UpdateFields', kind: 'opportunity', recordId, fields: changes, commandId, actor: { id: actor, roles: ['rep'] } }));
  };
  const reassign = (): void => {
    const to = dice.pick(owners);
    add(time, (actor, commandId) => ({ type: 'Reassign', kind: 'opportunity', recordId, owner: to, commandId, actor: { id: actor, roles: ['manager'] } }));
    owner = to;
  };
  let stage = 'qualification';
  const move = (event: string, to: string, supplied: FieldValues = {}): void => {
    fire(event, supplied);
    stage = to;
  };
  const lose = (): void => move('lose', 'lost', { lossReason: dice.pick(lossReasons) });
  while (stage !== 'won' && stage !== 'lost') {
    time += dice.gapMs(1, 45);
    if (time > endMs) break;
    const roll = dice.integer(1, 100);
    if (stage === 'qualification') {
      if (roll <= 55) move('propose', 'proposal');
      else if (roll <= 78) lose();
      else update();
    } else if (stage === 'proposal') {
      if (roll <= 50) {
        const supplied: FieldValues = amount === null ? { amount: dice.amount() } : {};
        if (typeof supplied['amount'] === 'number') amount = supplied['amount'];
        move('negotiate', 'negotiation', supplied);
      } else if (roll <= 72) lose();
      else if (roll <= 82) reassign();
      else update();
    } else if (roll <= 45) {
      move('win', 'won', { closeDate: isoDay(time), ...(amount === null ? { amount: dice.amount() } : {}) });
    } else if (roll <= 60) move('revise', 'proposal');
    else if (roll <= 82) lose();
    else update();
  }
  return { steps };
};

/** One imported record: a past history handed over in one ImportRecordHistory. */
const importCommand = (dice: Dice, index: number, owners: readonly string[], startMs: number, endMs: number, days: number): RecordCommand => {
  const recordId = `imp-${index}`;
  let time = startMs + dice.gapMs(0, Math.floor(days * 0.8));
  const openedAt = new Date(time).toISOString();
  const fields: Record<string, string | number> = { name: `Imported deal ${index}`, source: dice.pick(sources), region: dice.pick(regions) };
  if (dice.chance(0.6)) fields['closeDate'] = isoDay(time + dice.gapMs(30, 200));
  const stages: ImportedStageVisit[] = [];
  const path = dice.pick([
    ['proposal', 'negotiation', 'won'],
    ['proposal', 'negotiation', 'lost'],
    ['proposal', 'lost'],
    ['lost'],
    ['proposal'],
    ['proposal', 'negotiation'],
    [],
    // Histories no transition explains (stored as StageRecorded): won without negotiating, negotiating without a proposal.
    ['won'],
    ['negotiation', 'lost'],
  ]);
  for (const stage of path) {
    time += dice.gapMs(1, 60);
    if (time > endMs) break;
    const enteredAt = new Date(time).toISOString();
    if (stage === 'negotiation') stages.push({ stage, enteredAt, fields: { amount: dice.amount() } });
    else if (stage === 'won') stages.push({ stage, enteredAt, fields: { closeDate: isoDay(time) } });
    else if (stage === 'lost') stages.push({ stage, enteredAt, fields: { lossReason: dice.pick(lossReasons) } });
    else stages.push({ stage, enteredAt });
  }
  return {
    type: 'ImportRecordHistory',
    kind: 'opportunity',
    recordId,
    owner: dice.chance(0.05) ? null : dice.pick(owners),
    openedAt,
    fields,
    stages,
    source: `generated.csv#row ${index + 2}`,
    commandId: `gen-import-${recordId}`,
    actor: { id: 'importer', roles: ['admin'] },
  };
};

/**
 * A seeded, realistic history: many owners, deals opened over `days`, advanced, revised, reassigned,
 * updated, won and lost at dated business times (the manual clock is moved to each step), a blueprint
 * version 2 published halfway, then a batch of imported past histories appended last.
 */
export const generateHistory = async (
  handler: RecordCommandHandler,
  catalog: BlueprintCatalog,
  clock: ManualClock,
  options: HistoryOptions,
): Promise<GeneratedHistory> => {
  const dice = new Dice(options.seed);
  const owners = Array.from({ length: options.owners }, (_, index) => `owner-${String(index + 1).padStart(2, '0')}`);
  const startMs = Date.parse(options.start);
  const endMs = startMs + options.days * dayMs;
  let order = 0;
  const nextOrder = (): number => (order += 1);
  const secondVersionMs = startMs + Math.floor(options.days / 2) * dayMs;
  const steps: Step[] = [{ at: secondVersionMs, order: nextOrder(), run: () => catalog.publish(dealBlueprint(2)) }];
  for (let index = 0; index < options.liveRecords; index += 1) {
    steps.push(...planLiveRecord(dice, handler, index, owners, startMs, endMs, options.days, nextOrder).steps);
  }
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    clock.set(new Date(step.at));
    await step.run();
  }
  clock.set(new Date(endMs));
  for (let index = 0; index < options.importedRecords; index += 1) {
    await handler.execute(importCommand(dice, index, owners, startMs, endMs, options.days));
  }
  return { owners, commands: steps.length + options.importedRecords, secondVersionAt: new Date(secondVersionMs).toISOString(), end: new Date(endMs).toISOString() };
};

import type { StoredEvent } from '@crm/event-store';

/**
 * The independent calculation the analytics are checked against: a plain fold of the raw record events
 * (no validity interval, no read-model table, no helper of the metrics), then each metric written out
 * the long way. "As of T" here means: the events that happened (business time) at or before T.
 */

export interface ReferenceStage {
  readonly id: string;
  readonly order: number;
  readonly probability: number;
  readonly forecastCategory: string;
  readonly outcome: string;
  readonly final: boolean;
}

interface Visit {
  stage: string;
  enteredAt: string;
  exitedAt: string | null;
}

interface CloseDateMove {
  readonly at: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly openBefore: boolean;
}

export interface ReferenceDeal {
  readonly id: string;
  readonly openedAt: string;
  readonly stage: ReferenceStage;
  readonly owner: string | null;
  readonly amountCents: number;
  readonly closeDate: string | null;
  readonly visits: readonly Visit[];
  readonly closeDateMoves: readonly CloseDateMove[];
}

const cents = (value: unknown): number => (typeof value === 'number' ? Math.round(value * 100) : 0);

/** One deal folded from its events up to `asOf`; null when it was opened after. */
export const referenceDeal = (events: readonly StoredEvent[], stages: readonly ReferenceStage[], asOf: string): ReferenceDeal | null => {
  const stageOf = (id: string): ReferenceStage => {
    const found = stages.find((stage) => stage.id === id);
    if (found === undefined) throw new Error(`reference: unknown stage ${id}`);
    return found;
  };
  let deal: (ReferenceDeal & { visits: Visit[]; closeDateMoves: CloseDateMove[] }) | null = null;
  for (const event of events) {
    if (event.occurredAt > asOf) break;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'RecordOpened') {
      const fields = data['fields'] as Record<string, unknown>;
      deal = {
        id: data['recordId'] as string,
        openedAt: event.occurredAt,
        stage: stageOf(data['stage'] as string),
        owner: data['owner'] as string | null,
        amountCents: cents(fields['amount']),
        closeDate: typeof fields['closeDate'] === 'string' ? fields['closeDate'] : null,
        visits: [{ stage: data['stage'] as string, enteredAt: event.occurredAt, exitedAt: null }],
        closeDateMoves: [],
      };
      continue;
    }
    if (deal === null) throw new Error(`reference: ${event.type} before RecordOpened`);
    if (event.type === 'FieldsChanged') {
      const changes = data['changes'] as Record<string, { to: unknown }>;
      if (changes['amount'] !== undefined) deal = { ...deal, amountCents: cents(changes['amount'].to) };
      if (changes['closeDate'] !== undefined) {
        const to = typeof changes['closeDate'].to === 'string' ? changes['closeDate'].to : null;
        deal.closeDateMoves.push({ at: event.occurredAt, from: deal.closeDate, to, openBefore: !deal.stage.final });
        deal = { ...deal, closeDate: to };
      }
    } else if (event.type === 'OwnerChanged') {
      deal = { ...deal, owner: data['to'] as string | null };
    } else if (event.type === 'Transitioned' || event.type === 'StageRecorded') {
      deal.visits[deal.visits.length - 1].exitedAt = event.occurredAt;
      deal.visits.push({ stage: data['to'] as string, enteredAt: event.occurredAt, exitedAt: null });
      deal = { ...deal, stage: stageOf(data['to'] as string) };
    }
  }
  return deal;
};

export interface ReferencePeriod {
  readonly from: string;
  readonly to: string;
}

const within = (at: string, period: ReferencePeriod): boolean => at >= period.from && at < period.to;
const dateWithin = (date: string, period: ReferencePeriod): boolean => date >= period.from.slice(0, 10) && date < period.to.slice(0, 10);
const days = (from: string, to: string): number => (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;
const closedAt = (deal: ReferenceDeal): string => deal.visits[deal.visits.length - 1].enteredAt;
const average = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const middle = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const ordered = [...values].sort((a, b) => a - b);
  const half = ordered.length / 2;
  return Number.isInteger(half) ? (ordered[half - 1] + ordered[half]) / 2 : ordered[Math.floor(half)];
};
const ninetieth = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const ordered = [...values].sort((a, b) => a - b);
  // Nearest rank: the first value with at least 90% of the values at or below it.
  for (let index = 0; index < ordered.length; index += 1) if ((index + 1) / ordered.length >= 0.9) return ordered[index];
  return ordered[ordered.length - 1];
};
const spread = (values: number[]) => ({ count: values.length, mean: average(values), median: middle(values), p90: ninetieth(values) });

const closedInPeriod = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => deals.filter((deal) => deal.stage.final && within(closedAt(deal), period));
const wonInPeriod = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => closedInPeriod(deals, period).filter((deal) => deal.stage.outcome === 'won');

export const referenceWinRate = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => {
  const closed = closedInPeriod(deals, period);
  const won = closed.filter((deal) => deal.stage.outcome === 'won').length;
  const lost = closed.filter((deal) => deal.stage.outcome === 'lost').length;
  return { won, lost, winRate: won + lost === 0 ? null : won / (won + lost) };
};

export const referenceSalesCycle = (deals: readonly ReferenceDeal[], period: ReferencePeriod, fromStage: string | null) => {
  const lengths: number[] = [];
  let withoutStage = 0;
  for (const deal of wonInPeriod(deals, period)) {
    const start = fromStage === null ? deal.openedAt : deal.visits.find((visit) => visit.stage === fromStage)?.enteredAt;
    if (start === undefined) withoutStage += 1;
    else lengths.push(days(start, closedAt(deal)));
  }
  return { ...spread(lengths), fromStage, withoutStage };
};

export const referenceTimeInStage = (deals: readonly ReferenceDeal[], period: ReferencePeriod, outcome: string | null, stages: readonly ReferenceStage[]) => {
  const rows = [];
  for (const stage of [...stages].sort((a, b) => a.order - b.order)) {
    const lengths: number[] = [];
    for (const deal of deals) {
      const dealOutcome = deal.stage.final ? deal.stage.outcome : 'open';
      if (outcome !== null && dealOutcome !== outcome) continue;
      for (const visit of deal.visits) {
        if (visit.stage === stage.id && visit.exitedAt !== null && within(visit.exitedAt, period)) lengths.push(days(visit.enteredAt, visit.exitedAt));
      }
    }
    if (lengths.length > 0) rows.push({ stage: stage.id, stageOrder: stage.order, ...spread(lengths) });
  }
  return rows;
};

export const referenceAverageDealSize = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => {
  const won = wonInPeriod(deals, period);
  const wonCents = won.reduce((sum, deal) => sum + deal.amountCents, 0);
  return { won: won.length, wonCents, averageCents: won.length === 0 ? null : wonCents / won.length };
};

export const referenceVelocity = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => {
  const openDeals = deals.filter((deal) => !deal.stage.final).length;
  const rate = referenceWinRate(deals, period).winRate;
  const size = referenceAverageDealSize(deals, period).averageCents;
  const cycle = referenceSalesCycle(deals, period, null).mean;
  return {
    openDeals,
    winRate: rate,
    averageDealSizeCents: size,
    cycleDays: cycle,
    centsPerDay: rate === null || size === null || cycle === null || cycle === 0 ? null : (openDeals * rate * size) / cycle,
  };
};

export const referenceCoverage = (deals: readonly ReferenceDeal[], period: ReferencePeriod, quotaCents: number | null) => {
  let openWeightedCents = 0;
  let openDeals = 0;
  let closedWonCents = 0;
  for (const deal of deals) {
    const date = deal.closeDate ?? (deal.stage.final ? closedAt(deal).slice(0, 10) : null);
    if (date === null || !dateWithin(date, period)) continue;
    if (!deal.stage.final) {
      openDeals += 1;
      openWeightedCents += Math.round((deal.amountCents * deal.stage.probability) / 100);
    } else if (deal.stage.outcome === 'won') closedWonCents += deal.amountCents;
  }
  const remainingQuotaCents = quotaCents === null ? null : Math.max(0, quotaCents - closedWonCents);
  return {
    openWeightedCents,
    openDeals,
    closedWonCents,
    quotaCents,
    remainingQuotaCents,
    coverage: remainingQuotaCents === null || remainingQuotaCents === 0 ? null : openWeightedCents / remainingQuotaCents,
  };
};

/** Per open stage, how many open deals have been in it [0,7), [7,30), [30,60), [60,90), 90+ days. */
export const referenceAging = (deals: readonly ReferenceDeal[], asOf: string) => {
  const rows = new Map<string, { stage: string; stageOrder: number; open: number; buckets: Record<string, number> }>();
  for (const deal of deals) {
    if (deal.stage.final) continue;
    const row = rows.get(deal.stage.id) ?? { stage: deal.stage.id, stageOrder: deal.stage.order, open: 0, buckets: { '0-6': 0, '7-29': 0, '30-59': 0, '60-89': 0, '90+': 0 } };
    const age = days(deal.visits[deal.visits.length - 1].enteredAt, asOf);
    const bucket = age < 7 ? '0-6' : age < 30 ? '7-29' : age < 60 ? '30-59' : age < 90 ? '60-89' : '90+';
    row.buckets[bucket] += 1;
    row.open += 1;
    rows.set(deal.stage.id, row);
  }
  return [...rows.values()].sort((a, b) => a.stageOrder - b.stageOrder);
};

export const referenceSlippage = (deals: readonly ReferenceDeal[], period: ReferencePeriod) => {
  const slips = [];
  let amountCents = 0;
  for (const deal of deals) {
    const slip = deal.closeDateMoves.find(
      (move) => move.openBefore && move.from !== null && move.to !== null && dateWithin(move.from, period) && move.to >= period.to.slice(0, 10),
    );
    if (slip === undefined) continue;
    slips.push({ recordId: deal.id, at: slip.at, fromDate: slip.from as string, toDate: slip.to as string });
    amountCents += deal.amountCents;
  }
  return { deals: slips.length, amountCents, slips };
};

/** `atStart`: the deals as of the period's first instant; `now`: as of the moment asked. */
export const referenceAccuracy = (atStart: readonly ReferenceDeal[], now: ReadonlyMap<string, ReferenceDeal>, period: ReferencePeriod) => {
  const rows = new Map<string, { category: string; forecastDeals: number; forecastCents: number; wonDeals: number; wonCents: number }>();
  for (const deal of atStart) {
    if (deal.stage.final || deal.closeDate === null || !dateWithin(deal.closeDate, period)) continue;
    const row = rows.get(deal.stage.forecastCategory) ?? { category: deal.stage.forecastCategory, forecastDeals: 0, forecastCents: 0, wonDeals: 0, wonCents: 0 };
    row.forecastDeals += 1;
    row.forecastCents += deal.amountCents;
    const later = now.get(deal.id);
    const date = later === undefined ? null : (later.closeDate ?? closedAt(later).slice(0, 10));
    if (later !== undefined && later.stage.outcome === 'won' && later.stage.final && date !== null && dateWithin(date, period)) {
      row.wonDeals += 1;
      row.wonCents += later.amountCents;
    }
    rows.set(row.category, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, accuracy: row.forecastCents === 0 ? null : row.wonCents / row.forecastCents }))
    .sort((a, b) => (a.category < b.category ? -1 : 1));
};

export const referenceReconciliation = (deals: readonly ReferenceDeal[], period: ReferencePeriod, stages: readonly ReferenceStage[]) => {
  const before = (instant: string): string => new Date(new Date(instant).getTime() - 1).toISOString();
  const inStage = (deal: ReferenceDeal, stage: string, at: string): boolean =>
    deal.visits.some((visit) => visit.stage === stage && visit.enteredAt <= at && (visit.exitedAt === null || visit.exitedAt > at));
  const rows = [];
  for (const stage of [...stages].sort((a, b) => a.order - b.order)) {
    const visited = deals.filter((deal) => deal.visits.some((visit) => visit.stage === stage.id));
    if (visited.length === 0) continue;
    const atStart = visited.filter((deal) => inStage(deal, stage.id, before(period.from))).length;
    const atEnd = visited.filter((deal) => inStage(deal, stage.id, before(period.to))).length;
    const entered = visited.flatMap((deal) => deal.visits).filter((visit) => visit.stage === stage.id && within(visit.enteredAt, period)).length;
    const left = visited.flatMap((deal) => deal.visits).filter((visit) => visit.stage === stage.id && visit.exitedAt !== null && within(visit.exitedAt, period)).length;
    rows.push({ stage: stage.id, stageOrder: stage.order, atStart, entered, left, atEnd, difference: atStart + entered - left - atEnd });
  }
  return rows;
};

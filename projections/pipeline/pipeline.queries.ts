import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { daysBetween, parseAsOf } from '../shared/business-time';
import { conformanceOf, type Conformance } from '../shared/conformance';
import { dealsAsOf, type DealRow } from '../shared/deal-timeline';
import { fromCents, weightedCents } from '../shared/money';
import { isVisibleTo, type RecordVisibility } from '../records/records.queries';
import { invalidQuery } from '../shared/read-model.exception';
import { requireTables } from '../shared/require-tables';
import { teamOf, teamsByOwner } from '../teams/teams.table';

export interface PipelineQuery {
  /** Record kind; default `opportunity`. */
  readonly kind?: string;
  /** Business time (`YYYY-MM-DD` = end of that day); default: now on the clock. Ages are measured to it. */
  readonly asOf?: string;
  /** A deal is stalled when it has been in its stage longer than this; default 30 days. */
  readonly stalledAfterDays?: number;
  /**
   * Only these owners' deals, plus unowned ones, in the stalled list (the read rule of the records list,
   * on the deals' current owners, also with `asOf`); absent: everyone's. Counts and amounts cover every deal.
   */
  readonly visibleTo?: RecordVisibility;
  /** `conforming`: leave out deals whose history (at `asOf`) has a StageRecorded; default `all`. */
  readonly conformance?: Conformance;
}

export interface PipelineRow {
  readonly stage: string;
  readonly stageOrder: number;
  readonly owner: string | null;
  readonly team: string;
  readonly count: number;
  readonly amount: number;
  /** Σ amount × the stage's probability (each deal rounded to the cent). */
  readonly weightedAmount: number;
  readonly averageAgeDays: number;
  readonly oldestAgeDays: number;
}

export interface PipelineTotal {
  readonly stage: string;
  readonly stageOrder: number;
  /** The team, for totals by stage and team; null for totals by stage. */
  readonly team: string | null;
  readonly count: number;
  readonly amount: number;
  readonly weightedAmount: number;
}

export interface StalledDeal {
  readonly recordId: string;
  readonly stage: string;
  readonly owner: string | null;
  readonly team: string;
  readonly stageEnteredAt: string;
  readonly ageDays: number;
  readonly amount: number | null;
  /** Since when the blueprint found it stalled (a `stalledAfter` timer fired); null when it did not. */
  readonly stalledSince: string | null;
}

export interface PipelineReport {
  readonly kind: string;
  readonly asOf: string;
  /** By stage and owner, in stage order then owner. */
  readonly rows: readonly PipelineRow[];
  readonly byStage: readonly PipelineTotal[];
  readonly byStageAndTeam: readonly PipelineTotal[];
  readonly stalledAfterDays: number;
  /** Oldest first. */
  readonly stalled: readonly StalledDeal[];
  readonly conformance: Conformance;
  /** Open deals at `asOf` whose history does not conform (StageRecorded); counted with `all`, left out with `conforming`. */
  readonly nonConforming: number;
}

interface Bucket {
  stage: string;
  stageOrder: number;
  count: number;
  amountCents: number;
  weightedCents: number;
  ages: number[];
}

const groupDeals = <K extends string>(deals: readonly DealRow[], keyOf: (deal: DealRow) => K): Map<K, { deals: DealRow[] }> => {
  const groups = new Map<K, { deals: DealRow[] }>();
  for (const deal of deals) {
    const key = keyOf(deal);
    const group = groups.get(key) ?? { deals: [] };
    group.deals.push(deal);
    groups.set(key, group);
  }
  return groups;
};

const bucketOf = (deals: readonly DealRow[], asOf: string): Bucket => ({
  stage: deals[0].stage,
  stageOrder: deals[0].stage_order,
  count: deals.length,
  amountCents: deals.reduce((sum, deal) => sum + (deal.amount_cents ?? 0), 0),
  weightedCents: deals.reduce((sum, deal) => sum + weightedCents(deal.amount_cents ?? 0, deal.probability), 0),
  ages: deals.map((deal) => daysBetween(deal.stage_entered_at, asOf)),
});

const byStageThen = (a: { stageOrder: number; stage: string }, b: { stageOrder: number; stage: string }): number =>
  a.stageOrder - b.stageOrder || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0);

const compareText = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** The owners the deals have now (their latest interval), whatever `asOf` the report is about. */
const currentOwners = (db: Database, kind: string, recordIds: readonly string[]): Map<string, string | null> => {
  const rows = db
    .prepare(
      `SELECT record_id, owner FROM pipeline_deals
       WHERE kind = @kind AND valid_to IS NULL AND record_id IN (SELECT value FROM json_each(@recordIds))`,
    )
    .all({ kind, recordIds: JSON.stringify(recordIds) }) as { record_id: string; owner: string | null }[];
  return new Map(rows.map((row) => [row.record_id, row.owner]));
};

/** The deals a user may open one by one: a list inside a report shows no more than the records list would. */
const visibleDeals = (db: Database, kind: string, deals: readonly DealRow[], visibility: RecordVisibility | undefined): readonly DealRow[] => {
  if (visibility === undefined || deals.length === 0) return deals;
  const owners = currentOwners(db, kind, deals.map((deal) => deal.record_id));
  return deals.filter((deal) => owners.has(deal.record_id) && isVisibleTo(visibility, { kind, owner: owners.get(deal.record_id) ?? null }));
};

/**
 * Open deals (non-final stages) at `asOf`, from the validity intervals valid at that moment: count, amount,
 * weighted amount and age in stage by stage and owner (and team, through the teams table), plus the deals
 * stalled longer than `stalledAfterDays` that `visibleTo` may see; how many of the open deals do not
 * conform, and with `conforming` the figures without them.
 */
export const queryPipeline = (db: Database, clock: Clock, query: PipelineQuery = {}): PipelineReport => {
  requireTables(db, 'pipeline', ['pipeline_deals']);
  const kind = query.kind ?? 'opportunity';
  const asOf = query.asOf === undefined ? clock.now().toISOString() : parseAsOf(query.asOf);
  const stalledAfterDays = query.stalledAfterDays ?? 30;
  if (!(stalledAfterDays >= 0)) throw invalidQuery(`stalledAfterDays must be ≥ 0, not ${stalledAfterDays}`);
  const conformance = conformanceOf(query.conformance);
  const teams = teamsByOwner(db);
  const everyOpen = dealsAsOf(db, 'pipeline_deals', kind, asOf, true);
  const nonConforming = everyOpen.filter((deal) => deal.conforming === 0).length;
  const open = conformance === 'conforming' ? everyOpen.filter((deal) => deal.conforming === 1) : everyOpen;

  const rows = [...groupDeals(open, (deal) => `${deal.stage}\u0000${deal.owner ?? ''}`).values()].map(({ deals }): PipelineRow => {
    const bucket = bucketOf(deals, asOf);
    return {
      stage: bucket.stage,
      stageOrder: bucket.stageOrder,
      owner: deals[0].owner,
      team: teamOf(teams, deals[0].owner),
      count: bucket.count,
      amount: fromCents(bucket.amountCents),
      weightedAmount: fromCents(bucket.weightedCents),
      averageAgeDays: bucket.ages.reduce((sum, age) => sum + age, 0) / bucket.count,
      oldestAgeDays: Math.max(...bucket.ages),
    };
  });
  rows.sort((a, b) => byStageThen(a, b) || compareText(a.owner, b.owner));

  const totals = (keyOf: (deal: DealRow) => string, team: (deal: DealRow) => string | null): PipelineTotal[] =>
    [...groupDeals(open, keyOf).values()]
      .map(({ deals }): PipelineTotal => {
        const bucket = bucketOf(deals, asOf);
        return {
          stage: bucket.stage,
          stageOrder: bucket.stageOrder,
          team: team(deals[0]),
          count: bucket.count,
          amount: fromCents(bucket.amountCents),
          weightedAmount: fromCents(bucket.weightedCents),
        };
      })
      .sort((a, b) => byStageThen(a, b) || compareText(a.team, b.team));

  // Stalled: in the stage longer than asked, or found stalled by the blueprint's own timer.
  const overdue = open.filter((deal) => daysBetween(deal.stage_entered_at, asOf) > stalledAfterDays || (deal.stalled_since !== null && deal.stalled_since <= asOf));
  const stalled = visibleDeals(db, kind, overdue, query.visibleTo)
    .map((deal) => ({ deal, ageDays: daysBetween(deal.stage_entered_at, asOf) }))
    .sort((a, b) => b.ageDays - a.ageDays || compareText(a.deal.record_id, b.deal.record_id))
    .map(({ deal, ageDays }) => ({
      recordId: deal.record_id,
      stage: deal.stage,
      owner: deal.owner,
      team: teamOf(teams, deal.owner),
      stageEnteredAt: deal.stage_entered_at,
      ageDays,
      amount: deal.amount_cents === null ? null : fromCents(deal.amount_cents),
      stalledSince: deal.stalled_since,
    }));

  return {
    kind,
    asOf,
    rows,
    byStage: totals((deal) => deal.stage, () => null),
    byStageAndTeam: totals((deal) => `${deal.stage}\u0000${teamOf(teams, deal.owner)}`, (deal) => teamOf(teams, deal.owner)),
    stalledAfterDays,
    stalled,
    conformance,
    nonConforming,
  };
};

import type { BlueprintDefinition, PipelineReport, RecordListItem, StageDefinition } from '../api/api-types';

/** A deal as a card shows it; everything comes from the API's answers, nothing is computed from rules here. */
export interface BoardDeal {
  readonly recordId: string;
  readonly name: string;
  readonly stage: string;
  readonly owner: string | null;
  readonly amount: number | null;
  readonly closeDate: string | null;
  readonly product: string | null;
  /** Days in the stage, from the pipeline read model; null until it has the deal. */
  readonly daysInStage: number | null;
  /** Found stalled by the blueprint's timer (stalledSince). */
  readonly stalled: boolean;
  /** Titles of the approvers a pending request waits for; empty when none is known. */
  readonly awaiting: readonly string[];
}

export interface BoardFilters {
  readonly owner: string | null;
  readonly team: string | null;
  readonly product: string | null;
  /** A quarter of the close date, `2026-Q3`. */
  readonly closePeriod: string | null;
}

export const NO_FILTERS: BoardFilters = { owner: null, team: null, product: null, closePeriod: null };

export interface ColumnTotals {
  readonly count: number;
  readonly amount: number;
  readonly weightedAmount: number;
}

export interface BoardColumn {
  readonly stage: StageDefinition;
  /** The pipeline read model's figures for the owner or team filter (the whole column's, not only the cards shown). */
  readonly totals: ColumnTotals;
  readonly deals: readonly BoardDeal[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The list item, with the age and the stall the pipeline report knows of it. */
export const boardDealOf = (item: RecordListItem, pipeline: PipelineReport | undefined): BoardDeal => {
  const age = pipeline?.stalled.find((deal) => deal.recordId === item.recordId);
  return {
    recordId: item.recordId,
    name: item.name ?? item.recordId,
    stage: item.stage,
    owner: item.owner,
    amount: number(item.fields['amount']),
    closeDate: text(item.fields['closeDate']),
    product: text(item.fields['product']),
    daysInStage: age === undefined ? null : Math.floor(age.ageDays),
    stalled: age?.stalledSince !== null && age?.stalledSince !== undefined,
    awaiting: [],
  };
};

/** Index the pipeline's per-deal ages once: 2,000 deals must not each scan the list. */
export const boardDealsOf = (items: readonly RecordListItem[], pipeline: PipelineReport | undefined): BoardDeal[] => {
  const ages = new Map((pipeline?.stalled ?? []).map((deal) => [deal.recordId, deal]));
  return items.map((item) => {
    const age = ages.get(item.recordId);
    return {
      ...boardDealOf(item, undefined),
      daysInStage: age === undefined ? null : Math.floor(age.ageDays),
      stalled: age !== undefined && age.stalledSince !== null,
    };
  });
};

/** The open stages, in order: a column each. Final stages are drop targets only (their deals are closed). */
export const openStages = (definition: BlueprintDefinition): StageDefinition[] =>
  definition.stages.filter((stage) => !stage.final).sort((a, b) => a.order - b.order);

export const finalStages = (definition: BlueprintDefinition): StageDefinition[] =>
  definition.stages.filter((stage) => stage.final).sort((a, b) => a.order - b.order);

/** Owners of a team, as the pipeline report's rows place them. */
const ownersOfTeam = (pipeline: PipelineReport, team: string): Set<string | null> =>
  new Set(pipeline.rows.filter((row) => row.team === team).map((row) => row.owner));

export const matchesFilters = (deal: BoardDeal, filters: BoardFilters, teamOwners: Set<string | null> | null): boolean =>
  (filters.owner === null || deal.owner === filters.owner) &&
  (teamOwners === null || teamOwners.has(deal.owner)) &&
  (filters.product === null || deal.product === filters.product) &&
  (filters.closePeriod === null || (deal.closeDate !== null && quarterOf(deal.closeDate) === filters.closePeriod));

const ZERO: ColumnTotals = { count: 0, amount: 0, weightedAmount: 0 };

const sum = (totals: readonly ColumnTotals[]): ColumnTotals =>
  totals.reduce((all, one) => ({ count: all.count + one.count, amount: all.amount + one.amount, weightedAmount: all.weightedAmount + one.weightedAmount }), ZERO);

/** The pipeline read model's figures for a stage, narrowed to the owner or the team filter. */
export const totalsOf = (pipeline: PipelineReport | undefined, stage: string, filters: BoardFilters): ColumnTotals => {
  if (pipeline === undefined) return ZERO;
  if (filters.owner !== null) return sum(pipeline.rows.filter((row) => row.stage === stage && row.owner === filters.owner));
  if (filters.team !== null) return sum(pipeline.byStageAndTeam.filter((total) => total.stage === stage && total.team === filters.team));
  return sum(pipeline.byStage.filter((total) => total.stage === stage));
};

export const boardColumns = (
  definition: BlueprintDefinition,
  deals: readonly BoardDeal[],
  pipeline: PipelineReport | undefined,
  filters: BoardFilters,
): BoardColumn[] => {
  const teamOwners = filters.team !== null && pipeline !== undefined ? ownersOfTeam(pipeline, filters.team) : null;
  const byStage = new Map<string, BoardDeal[]>();
  for (const deal of deals) {
    if (!matchesFilters(deal, filters, teamOwners)) continue;
    const column = byStage.get(deal.stage) ?? [];
    column.push(deal);
    byStage.set(deal.stage, column);
  }
  return openStages(definition).map((stage) => ({ stage, totals: totalsOf(pipeline, stage.id, filters), deals: byStage.get(stage.id) ?? [] }));
};

/** The transition a drag from one stage to another asks for: the blueprint's event from there to there. */
export const transitionBetween = (definition: BlueprintDefinition, from: string, to: string): string | null =>
  definition.transitions.find((transition) => transition.to === to && transition.from.includes(from))?.event ?? null;

/** What the filters can offer: the values the deals and the report have. */
export const filterChoices = (deals: readonly BoardDeal[], pipeline: PipelineReport | undefined) => ({
  owners: [...new Set(deals.map((deal) => deal.owner).filter((owner): owner is string => owner !== null))].sort(),
  teams: [...new Set((pipeline?.byStageAndTeam ?? []).map((total) => total.team).filter((team): team is string => team !== null))].sort(),
  products: [...new Set(deals.map((deal) => deal.product).filter((product): product is string => product !== null))].sort(),
  closePeriods: [...new Set(deals.map((deal) => deal.closeDate).filter((date): date is string => date !== null).map(quarterOf))].sort(),
});

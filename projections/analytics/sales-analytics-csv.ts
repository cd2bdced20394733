import type { SalesAnalyticsReport, SalesMetricsRow } from './sales-analytics.queries';

/** One figure of a report: its row (group), metric, the part of the metric (stage, bucket, category) and value. */
export interface FigureLine {
  readonly group: string;
  readonly metric: string;
  readonly part: string;
  readonly value: number | null;
}

/** Every figure of a row, flat: what the CSV export lists and what `explain` takes back (metric, part). */
export const figuresOf = (row: SalesMetricsRow): FigureLine[] => {
  const lines: FigureLine[] = [];
  const add = (metric: string, part: string, value: number | null): void => {
    lines.push({ group: row.group, metric, part, value });
  };
  add('deals', '', row.deals);
  add('winRate.won', '', row.winRate.won);
  add('winRate.lost', '', row.winRate.lost);
  add('winRate', '', row.winRate.winRate);
  for (const name of ['count', 'mean', 'median', 'p90'] as const) add(`salesCycle.${name}`, row.salesCycle.fromStage ?? '', row.salesCycle[name]);
  add('salesCycle.withoutStage', row.salesCycle.fromStage ?? '', row.salesCycle.withoutStage);
  for (const stage of row.timeInStage) for (const name of ['count', 'mean', 'median', 'p90'] as const) add(`timeInStage.${name}`, stage.stage, stage[name]);
  add('averageDealSize.won', '', row.averageDealSize.won);
  add('averageDealSize.wonAmount', '', row.averageDealSize.wonAmount);
  add('averageDealSize', '', row.averageDealSize.average);
  for (const name of ['openDeals', 'winRate', 'averageDealSize', 'cycleDays', 'perDay'] as const) add(`velocity.${name}`, '', row.velocity[name]);
  for (const name of ['openWeighted', 'openDeals', 'closedWon', 'quota', 'remainingQuota', 'coverage'] as const) add(`coverage.${name}`, '', row.coverage[name]);
  for (const stage of row.aging) for (const [bucket, count] of Object.entries(stage.buckets)) add('aging', `${stage.stage} ${bucket}`, count);
  add('slippage.deals', '', row.slippage.deals);
  add('slippage.amount', '', row.slippage.amount);
  for (const category of row.forecastAccuracy) {
    for (const name of ['forecastDeals', 'forecast', 'wonDeals', 'won', 'accuracy'] as const) add(`forecastAccuracy.${name}`, category.category, category[name]);
  }
  for (const stage of row.reconciliation) {
    for (const name of ['atStart', 'entered', 'left', 'atEnd', 'difference'] as const) add(`reconciliation.${name}`, stage.stage, stage[name]);
  }
  return lines;
};

const cell = (value: string | number | null): string => {
  const shown = value === null ? '' : String(value);
  return /[",\n\r]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
};

/** The report as CSV, one figure a line: `period,asOf,group,metric,part,value` (an empty value: no figure). */
export const salesAnalyticsCsv = (report: SalesAnalyticsReport): string => {
  const lines = [report.total, ...report.rows].flatMap(figuresOf);
  return [
    'period,asOf,group,metric,part,value',
    ...lines.map((line) => [report.period, report.asOf, line.group, line.metric, line.part, line.value].map(cell).join(',')),
  ].join('\n') + '\n';
};

import { querySalesAnalytics, salesAnalyticsCsv, type SalesAnalyticsReport, type SalesMetricsRow } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption } from '../cli-options';
import { formatCount, formatMoney, renderTable } from '../text-table';
import { ANALYTICS_OPTIONS, ANALYTICS_USAGE, analyticsQueryOf } from './analytics-options';

const FORMATS = ['table', 'json', 'csv'] as const;

const ratio = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null): string => (value === null ? '-' : value.toFixed(1));
const money = (value: number | null): string => (value === null ? '-' : formatMoney(value));

const summaryLine = (row: SalesMetricsRow): string[] => [
  row.group,
  formatCount(row.deals),
  formatCount(row.winRate.won),
  formatCount(row.winRate.lost),
  ratio(row.winRate.winRate),
  days(row.salesCycle.mean),
  days(row.salesCycle.median),
  days(row.salesCycle.p90),
  money(row.averageDealSize.average),
  money(row.velocity.perDay),
  row.coverage.coverage === null ? '-' : row.coverage.coverage.toFixed(2),
  formatCount(row.slippage.deals),
];

const renderReport = (report: SalesAnalyticsReport): string => {
  const total = report.total;
  const filter = Object.entries(report.filter).map(([name, value]) => `${name}=${value}`).join(', ');
  return [
    `sales analytics of ${report.kind}, ${report.period} (${report.window.from} to ${report.window.to}), as of ${report.asOf}${filter === '' ? '' : `, ${filter}`}`,
    `${formatCount(report.nonConforming)} non-conforming deals (${report.conformance === 'all' ? 'counted' : 'left out'})`,
    '',
    renderTable(
      [report.by ?? 'group', 'deals', 'won', 'lost', 'win rate', 'cycle mean', 'median', 'p90', 'avg won', 'velocity/day', 'coverage', 'slipped'],
      [...report.rows, total].map(summaryLine),
    ),
    '',
    `time in stage${report.stageOutcome === null ? '' : ` (${report.stageOutcome} deals)`}, days`,
    renderTable(['stage', 'visits', 'mean', 'median', 'p90'], total.timeInStage.map((row) => [row.stage, formatCount(row.count), days(row.mean), days(row.median), days(row.p90)])),
    '',
    'stage aging (open deals by days in stage)',
    renderTable(['stage', 'open', '0-6', '7-29', '30-59', '60-89', '90+'], total.aging.map((row) => [row.stage, formatCount(row.open), ...Object.values(row.buckets).map(formatCount)])),
    '',
    'forecast accuracy per category',
    renderTable(
      ['category', 'forecast deals', 'forecast', 'won deals', 'won', 'accuracy'],
      total.forecastAccuracy.map((row) => [row.category, formatCount(row.forecastDeals), formatMoney(row.forecast), formatCount(row.wonDeals), formatMoney(row.won), ratio(row.accuracy)]),
    ),
    '',
    'reconciliation (in stage at start + entered - left = at end)',
    renderTable(
      ['stage', 'at start', 'entered', 'left', 'at end', 'difference'],
      total.reconciliation.map((row) => [row.stage, ...[row.atStart, row.entered, row.left, row.atEnd, row.difference].map(formatCount)]),
    ),
    '',
  ].join('\n');
};

export const reportAnalyticsCommand: CliCommand = {
  path: ['report', 'analytics'],
  summary:
    'Sales analytics of one period as of a business time (README, Sales analytics): win rate over closed deals, sales cycle,\n' +
    'time in stage, average deal size, velocity, coverage, stage aging, slippage, forecast accuracy per category and the\n' +
    'stage reconciliation; grouped by one dimension and filtered by any. --format json or csv exports every figure.',
  usage: `report analytics ${ANALYTICS_USAGE} [--format table|json|csv]`,
  options: { ...ANALYTICS_OPTIONS, format: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const format = choiceOption(input.values, 'format', FORMATS, 'table');
    const query = analyticsQueryOf(input.values);
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const report = querySalesAnalytics(readModels.db, input.io.clock, query);
      input.io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? salesAnalyticsCsv(report) : renderReport(report));
      return EXIT_OK;
    });
  },
};

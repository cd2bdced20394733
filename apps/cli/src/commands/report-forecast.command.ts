import { PERIOD_KINDS, queryForecast } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, stringOption } from '../cli-options';
import { formatCount, formatMoney, renderTable } from '../text-table';

const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);

export const reportForecastCommand: CliCommand = {
  path: ['report', 'forecast'],
  summary:
    'Show the forecast per period as of a business time.\n' +
    'Per period (by close date) and owner, team or total: closed won, commit, best case, pipeline, weighted pipeline, quota attainment.',
  usage: 'report forecast [--as-of <date>] [--period month|quarter] [--by owner|team|total] [--from <period>] [--to <period>] [--kind <kind>]',
  options: { 'as-of': { type: 'string' }, period: { type: 'string' }, by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, kind: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const report = queryForecast(readModels.db, input.io.clock, {
        kind: stringOption(input.values, 'kind'),
        asOf: stringOption(input.values, 'as-of'),
        periodKind: choiceOption(input.values, 'period', PERIOD_KINDS, 'quarter'),
        groupBy: choiceOption(input.values, 'by', ['owner', 'team', 'total'] as const, 'total'),
        from: stringOption(input.values, 'from'),
        to: stringOption(input.values, 'to'),
      });
      input.io.stdout.write(`forecast of ${report.kind} by ${report.periodKind} and ${report.groupBy}, as of ${report.asOf}\n\n`);
      const rows = report.rows.map((row) => [
        row.period,
        row.group ?? '(unowned)',
        formatMoney(row.closedWon),
        formatCount(row.closedWonCount),
        formatMoney(row.commit),
        formatMoney(row.bestCase),
        formatMoney(row.pipeline),
        formatMoney(row.weightedPipeline),
        row.quota === null ? '-' : formatMoney(row.quota),
        percent(row.attainment),
      ]);
      input.io.stdout.write(
        `${renderTable(['period', report.groupBy, 'closed won', 'won', 'commit', 'best case', 'pipeline', 'weighted', 'quota', 'attainment'], rows, 2)}\n`,
      );
      input.io.stdout.write(`\n${formatCount(report.undated.count)} open deals without a close date (${formatMoney(report.undated.amount)}) are in no period\n`);
      return EXIT_OK;
    });
  },
};

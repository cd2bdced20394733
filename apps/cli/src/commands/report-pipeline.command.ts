import { queryPipeline } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, positiveIntegerOption, stringOption } from '../cli-options';
import { formatCount, formatMoney, renderTable } from '../text-table';

export const reportPipelineCommand: CliCommand = {
  path: ['report', 'pipeline'],
  summary: 'Show the open pipeline as of a business time.\nBy stage and owner or team: count, amount, weighted amount, age in stage; and the stalled deals.',
  usage: 'report pipeline [--as-of <date>] [--by owner|team] [--stalled-after <days>] [--kind <kind>]',
  options: { 'as-of': { type: 'string' }, by: { type: 'string' }, 'stalled-after': { type: 'string' }, kind: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const by = choiceOption(input.values, 'by', ['owner', 'team'] as const, 'team');
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const report = queryPipeline(readModels.db, input.io.clock, {
        kind: stringOption(input.values, 'kind'),
        asOf: stringOption(input.values, 'as-of'),
        stalledAfterDays: positiveIntegerOption(input.values, 'stalled-after'),
      });
      const rows =
        by === 'team'
          ? report.byStageAndTeam.map((row) => [row.stage, row.team ?? '', formatCount(row.count), formatMoney(row.amount), formatMoney(row.weightedAmount)])
          : report.rows.map((row) => [
              row.stage,
              row.owner ?? '(unowned)',
              formatCount(row.count),
              formatMoney(row.amount),
              formatMoney(row.weightedAmount),
              row.averageAgeDays.toFixed(1),
            ]);
      input.io.stdout.write(`pipeline of ${report.kind} as of ${report.asOf}\n\n`);
      const header = ['stage', by, 'deals', 'amount', 'weighted', ...(by === 'owner' ? ['avg days in stage'] : [])];
      input.io.stdout.write(`${renderTable(header, rows, 2)}\n\n`);
      input.io.stdout.write(
        `${renderTable(['stage', 'deals', 'amount', 'weighted'], report.byStage.map((row) => [row.stage, formatCount(row.count), formatMoney(row.amount), formatMoney(row.weightedAmount)]))}\n\n`,
      );
      input.io.stdout.write(`${formatCount(report.stalled.length)} deals stalled (in their stage for more than ${report.stalledAfterDays} days)\n`);
      return EXIT_OK;
    });
  },
};

import { PERIOD_KINDS, queryForecastAccuracy } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, stringOption } from '../cli-options';
import { formatMoney, renderTable } from '../text-table';

const ratio = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);

export const forecastAccuracyCommand: CliCommand = {
  path: ['forecast', 'accuracy'],
  summary: 'Report forecast accuracy per period.\nThe snapshot taken at the period start against the closed-won amount reported now.',
  usage: 'forecast accuracy [--period month|quarter] [--from <period>] [--to <period>] [--by total|owner|team] [--as-of <date>] [--kind <kind>]',
  options: { period: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, 'as-of': { type: 'string' }, kind: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const report = queryForecastAccuracy(readModels.db, input.io.clock, {
        kind: stringOption(input.values, 'kind'),
        periodKind: choiceOption(input.values, 'period', PERIOD_KINDS, 'quarter'),
        from: stringOption(input.values, 'from'),
        to: stringOption(input.values, 'to'),
        asOf: stringOption(input.values, 'as-of'),
        groupBy: choiceOption(input.values, 'by', ['total', 'owner', 'team'] as const, 'total'),
      });
      const rows = report.rows.map((row) => [
        row.period,
        row.group ?? '(unowned)',
        row.snapshotTakenAt,
        formatMoney(row.commitForecast),
        formatMoney(row.weightedForecast),
        formatMoney(row.actualClosedWon),
        ratio(row.commitAccuracy),
        ratio(row.weightedAccuracy),
      ]);
      input.io.stdout.write(`forecast accuracy of ${report.kind} by ${report.periodKind}, actuals as of ${report.asOf}\n\n`);
      input.io.stdout.write(
        `${renderTable(['period', report.groupBy, 'snapshot taken', 'commit fc', 'weighted fc', 'actual won', 'actual/commit', 'actual/weighted'], rows, 3)}\n`,
      );
      if (report.periodsWithoutSnapshot.length > 0) {
        input.io.stdout.write(`\nno snapshot at the start of: ${report.periodsWithoutSnapshot.join(', ')} (crm forecast snapshot --since <period>)\n`);
      }
      return EXIT_OK;
    });
  },
};

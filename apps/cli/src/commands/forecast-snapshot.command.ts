import { PERIOD_KINDS, takeDueForecastSnapshots, takeForecastSnapshot } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, stringOption } from '../cli-options';

export const forecastSnapshotCommand: CliCommand = {
  path: ['forecast', 'snapshot'],
  summary:
    'Take the forecast snapshot at the start of the current period.\n' +
    'Also of every period from --since (to --until) that has none; with --as-of, take one on demand. Run it at each period start;\n' +
    'snapshots are never retaken or rebuilt.',
  usage: 'forecast snapshot [--period month|quarter] [--since <period>] [--until <period>] [--as-of <date-time>] [--kind <kind>]',
  options: { period: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, 'as-of': { type: 'string' }, kind: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const periodKind = choiceOption(input.values, 'period', PERIOD_KINDS, 'quarter');
    const kind = stringOption(input.values, 'kind');
    const asOf = stringOption(input.values, 'as-of');
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const snapshots =
        asOf === undefined
          ? takeDueForecastSnapshots(readModels.db, input.io.clock, { kind, periodKind, since: stringOption(input.values, 'since'), until: stringOption(input.values, 'until') })
          : [takeForecastSnapshot(readModels.db, input.io.clock, { kind, periodKind, asOf })];
      for (const snapshot of snapshots) {
        input.io.stdout.write(
          `${snapshot.period} as of ${snapshot.asOf}: ${snapshot.alreadyTaken ? 'already taken' : 'taken'} at ${snapshot.takenAt} (${snapshot.owners} owners)\n`,
        );
      }
      return EXIT_OK;
    });
  },
};

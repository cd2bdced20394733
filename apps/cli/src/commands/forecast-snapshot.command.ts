import type { EventStore } from '@crm/event-store';
import { catchUpProjection, type ReadModelDatabase } from '@crm/projection-runtime';
import { forecastProjection, ForecastSnapshots, PERIOD_KINDS } from '@crm/projections';
import type { Clock } from '@crm/clock';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openChosenEventStore, openReadModels, using } from '../cli-context';
import { choiceOption, stringOption } from '../cli-options';
import { platformCommandBy, requirePlatformAction } from '../platform-access';
import { actingUser } from '../records/record-session';

/** The forecast read model up to the head of the store, without a running API. */
const forecastFollows = (store: EventStore, readModels: ReadModelDatabase, clock: Clock) =>
  catchUpProjection({ store, readModels, projection: forecastProjection(), clock });

export const forecastSnapshotCommand: CliCommand = {
  path: ['forecast', 'snapshot'],
  summary:
    'Take the forecast snapshot at the start of the current period, as a ForecastSnapshotTaken event.\n' +
    'Also of every period from --since (to --until) that has none; with --as-of, take one on demand. Run it at each period start;\n' +
    'snapshots are never retaken: the same period and moment again stores nothing. Managers, analysts and admins may.',
  usage: 'forecast snapshot [--period month|quarter] [--since <period>] [--until <period>] [--as-of <date-time>] [--kind <kind>] [--as <user>]',
  options: {
    period: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    'as-of': { type: 'string' },
    kind: { type: 'string' },
    as: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const periodKind = choiceOption(input.values, 'period', PERIOD_KINDS, 'quarter');
    const kind = stringOption(input.values, 'kind');
    const asOf = stringOption(input.values, 'as-of');
    const { user } = actingUser(input);
    const by = platformCommandBy(user, () => requirePlatformAction(user, 'forecast.snapshot'));
    const store = await openChosenEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      // The figures come from the forecast read model: bring it to the head first, then let it hold the snapshots.
      await forecastFollows(store, readModels, input.io.clock);
      const snapshots = new ForecastSnapshots({ store, db: readModels.db, clock: input.io.clock });
      const taken =
        asOf === undefined
          ? await snapshots.takeDue({ kind, periodKind, since: stringOption(input.values, 'since'), until: stringOption(input.values, 'until') }, by)
          : [await snapshots.take({ kind, periodKind, asOf }, by)];
      await forecastFollows(store, readModels, input.io.clock);
      for (const snapshot of taken) {
        input.io.stdout.write(
          `${snapshot.period} as of ${snapshot.asOf}: ${snapshot.alreadyTaken ? 'already taken' : 'taken'} at ${snapshot.takenAt} (${snapshot.owners} owners)\n`,
        );
      }
      return EXIT_OK;
    });
  },
};

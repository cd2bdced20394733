import { projectionStatus } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEventStore, openReadModels, using } from '../cli-context';
import { formatCount, renderTable } from '../text-table';

export const projectionsStatusCommand: CliCommand = {
  path: ['projections', 'status'],
  aliases: [['projections']],
  summary: 'Show each projection: version, state, checkpoint, events applied, lag, last error.',
  usage: 'projections [status]',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const store = await openEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const statuses = await Promise.all(crmProjections().map((projection) => projectionStatus(store, readModels, projection)));
      const table = renderTable(
        ['projection', 'version', 'built', 'state', 'checkpoint', 'applied', 'lag', 'updated at', 'error'],
        statuses.map((status) => [
          status.projection,
          String(status.version),
          status.storedVersion === null ? '-' : String(status.storedVersion),
          status.state,
          status.checkpoint ?? '-',
          formatCount(status.eventsApplied),
          formatCount(status.lag),
          status.updatedAt ?? '-',
          status.error ?? '',
        ]),
        1,
      );
      input.io.stdout.write(`${table}\n`);
      return EXIT_OK;
    });
  },
};

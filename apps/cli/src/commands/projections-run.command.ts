import { catchUpProjection, DEFAULT_BATCH_SIZE, ProjectionRunner } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEventStore, openReadModels, using } from '../cli-context';
import { positiveIntegerOption } from '../cli-options';
import { progressPrinter } from '../progress-bar';
import { formatCount } from '../text-table';

const waitForAbort = (signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (signal === undefined || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });

export const projectionsRunCommand: CliCommand = {
  path: ['projections', 'run'],
  summary:
    'Bring every projection up to the head of the event store.\n' +
    'Installs new projections, rebuilds those whose version changed, then exits; with --follow keeps them live until interrupted.',
  usage: 'projections run [--batch-size <n>] [--follow]',
  options: { 'batch-size': { type: 'string' }, follow: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const batchSize = positiveIntegerOption(input.values, 'batch-size') ?? DEFAULT_BATCH_SIZE;
    const store = await openEventStore(input);
    const readModels = openReadModels(input);
    const onProgress = progressPrinter(input.io.stderr);
    return using([() => store.close(), () => readModels.close()], async () => {
      if (input.values['follow'] === true) {
        const runner = new ProjectionRunner({
          store,
          readModels,
          projections: crmProjections(),
          clock: input.io.clock,
          batchSize,
          onProgress,
          onStateChange: (change) => input.io.stderr.write(`${change.projection}: ${change.state}${change.error ? ` (${change.error})` : ''}\n`),
        });
        await runner.start();
        await waitForAbort(input.io.signal);
        await runner.stop();
        return EXIT_OK;
      }
      for (const projection of crmProjections()) {
        const result = await catchUpProjection({ store, readModels, projection, clock: input.io.clock, batchSize, onProgress });
        input.io.stdout.write(`${projection.name}: ${result.rebuilt ? 'rebuilt, ' : ''}${formatCount(result.eventsApplied)} events applied\n`);
      }
      return EXIT_OK;
    });
  },
};

import { DEFAULT_BATCH_SIZE, projectionDigest, rebuildProjections } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { EXIT_OK, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEventStore, openReadModels, using } from '../cli-context';
import { positiveIntegerOption } from '../cli-options';
import { requirePlatformAction } from '../platform-access';
import { progressPrinter } from '../progress-bar';
import { actingUser } from '../records/record-session';
import { formatCount } from '../text-table';

export const projectionsRebuildCommand: CliCommand = {
  path: ['projections', 'rebuild'],
  summary:
    'Rebuild a projection (or all, in one pass over $all) into fresh tables and swap them in atomically.\n' +
    'Queries keep reading the old tables meanwhile. Progress on stderr; the digest of the rebuilt model on stdout.\n' +
    'Analysts and admins may (rule analyst-or-admin).',
  usage: 'projections rebuild <name|all> [--batch-size <n>] [--as <user>]',
  options: { 'batch-size': { type: 'string' }, as: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const name = input.positionals[0];
    const all = crmProjections();
    const chosen = name === 'all' ? all : all.filter((projection) => projection.name === name);
    if (chosen.length === 0) throw usageError(`no projection "${name}"; known: ${all.map((projection) => projection.name).join(', ')}, all`);
    const batchSize = positiveIntegerOption(input.values, 'batch-size') ?? DEFAULT_BATCH_SIZE;
    requirePlatformAction(actingUser(input).user, 'projections.rebuild');
    const store = await openEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const results = await rebuildProjections({
        store,
        readModels,
        projections: chosen,
        clock: input.io.clock,
        batchSize,
        onProgress: progressPrinter(input.io.stderr),
      });
      chosen.forEach((projection, index) => {
        input.io.stdout.write(
          `${projection.name}: rebuilt from ${formatCount(results[index].eventsApplied)} events, digest sha256:${projectionDigest(readModels.db, projection)}\n`,
        );
      });
      return EXIT_OK;
    });
  },
};

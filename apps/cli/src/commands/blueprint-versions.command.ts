import { catchUpProjection } from '@crm/projection-runtime';
import { blueprintVersionCounts, recordsProjection } from '@crm/projections';
import { BlueprintCatalog } from '@crm/workflow';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openChosenEventStore, openReadModels, using } from '../cli-context';
import { publishedVersion } from '../blueprints/published-versions';
import { renderTable } from '../text-table';

export const blueprintVersionsCommand: CliCommand = {
  path: ['blueprint', 'versions'],
  summary:
    'Every published version of a blueprint with the records pinned to it now: all, live (not in a final stage) and by\n' +
    'stage, from the records read model (brought up to date first), as GET /blueprints/{id}/versions answers. --json: that answer.',
  usage: 'blueprint versions <id> [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const id = input.positionals[0];
    const store = await openChosenEventStore(input);
    const readModels = openReadModels(input);
    return using([() => store.close(), () => readModels.close()], async () => {
      const catalog = await BlueprintCatalog.open(store);
      publishedVersion(catalog, id);
      await catchUpProjection({ store, readModels, projection: recordsProjection(), clock: input.io.clock });
      const counts = blueprintVersionCounts(readModels.db, catalog.versions(id).map((ref) => catalog.get(ref)));
      if (input.values['json'] === true) {
        input.io.stdout.write(`${JSON.stringify({ id, latestVersion: counts[counts.length - 1].ref.version, versions: counts }, null, 2)}\n`);
        return EXIT_OK;
      }
      const rows = counts.map(({ ref, records, live, byStage }) => [
        `v${ref.version}`,
        ref.contentHash.slice(0, 12),
        String(records),
        String(live),
        Object.entries(byStage)
          .filter(([, count]) => count > 0)
          .map(([stage, count]) => `${stage} ${count}`)
          .join(', '),
      ]);
      input.io.stdout.write(`${renderTable(['version', 'sha256', 'records', 'live', 'by stage'], rows, 5)}\n`);
      return EXIT_OK;
    });
  },
};

import { diffBlueprints, formatBlueprintDiff } from '@crm/blueprint';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { positiveIntegerOption, requiredOption } from '../cli-options';
import { publishedVersion, withPublishedVersions } from '../blueprints/published-versions';

export const blueprintDiffCommand: CliCommand = {
  path: ['blueprint', 'diff'],
  summary:
    'What changed between two published versions of a blueprint: stages, transitions, criteria and fields added (+),\n' +
    'removed (-) or changed (~), as GET /blueprints/{id}/diff answers. --json: the same as JSON.',
  usage: 'blueprint diff <id> --from <version> --to <version> [--json]',
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const id = input.positionals[0];
    requiredOption(input.values, 'from');
    requiredOption(input.values, 'to');
    const from = positiveIntegerOption(input.values, 'from');
    const to = positiveIntegerOption(input.values, 'to');
    return withPublishedVersions(input, async (catalog) => {
      const diff = diffBlueprints(publishedVersion(catalog, id, from).definition, publishedVersion(catalog, id, to).definition);
      input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify(diff, null, 2)}\n` : `${formatBlueprintDiff(diff)}\n`);
      return EXIT_OK;
    });
  },
};

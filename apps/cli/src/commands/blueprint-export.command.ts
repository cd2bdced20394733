import { toMermaid, toXStateJson } from '@crm/blueprint';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { choiceOption, positiveIntegerOption } from '../cli-options';
import { publishedVersion, withPublishedVersions } from '../blueprints/published-versions';

const FORMATS = ['xstate', 'mermaid'] as const;

export const blueprintExportCommand: CliCommand = {
  path: ['blueprint', 'export'],
  summary:
    'Print a published blueprint version as an XState machine (JSON for the Stately visualizer, stately.ai/viz) or as\n' +
    'a Mermaid stateDiagram-v2 with criteria and roles on the edges. SVG: the web app draws the Mermaid diagram\n' +
    '(no library here renders it without a browser).',
  usage: 'blueprint export <id> --format xstate|mermaid [--version <n>]',
  options: { format: { type: 'string' }, version: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const id = input.positionals[0];
    const format = choiceOption(input.values, 'format', FORMATS, 'xstate');
    const version = positiveIntegerOption(input.values, 'version');
    return withPublishedVersions(input, async (catalog) => {
      const { definition } = publishedVersion(catalog, id, version);
      input.io.stdout.write(format === 'xstate' ? `${JSON.stringify(toXStateJson(definition), null, 2)}\n` : `${toMermaid(definition, { criteria: true })}\n`);
      return EXIT_OK;
    });
  },
};

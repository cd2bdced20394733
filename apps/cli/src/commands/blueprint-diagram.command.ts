import { toMermaid } from '@crm/blueprint';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { blueprintOfKind } from '../blueprints/blueprint-files';

export const blueprintDiagramCommand: CliCommand = {
  path: ['blueprint', 'diagram'],
  summary:
    'Print the Mermaid state diagram of the blueprint of a record kind.\n' +
    'A stateDiagram-v2 (newest version in --blueprints): stages with probability and forecast category, transitions\n' +
    'labelled by event. Paste it into a ```mermaid block.',
  usage: 'blueprint diagram <kind>',
  options: {},
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    input.io.stdout.write(`${toMermaid(blueprintOfKind(input.blueprintsDir, input.positionals[0]))}\n`);
    return EXIT_OK;
  },
};

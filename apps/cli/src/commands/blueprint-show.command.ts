import { blueprintRef } from '@crm/blueprint';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { blueprintOfKind } from '../blueprints/blueprint-files';
import { renderBlueprint } from '../blueprints/render-blueprint';

export const blueprintShowCommand: CliCommand = {
  path: ['blueprint', 'show'],
  summary:
    'Show the blueprint of a record kind: stages, transitions with criteria and roles, fields.\n' +
    'The newest version in --blueprints: stages with order, probability, forecast category and outcome; transitions\n' +
    'with event, from, to, exit criteria and roles; fields with type and label.\n' +
    '--json prints { ref, definition } (the definition as loaded and normalized) for machines.',
  usage: 'blueprint show <kind> [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const definition = blueprintOfKind(input.blueprintsDir, input.positionals[0]);
    input.io.stdout.write(
      input.values['json'] === true ? `${JSON.stringify({ ref: blueprintRef(definition), definition }, null, 2)}\n` : renderBlueprint(definition),
    );
    return EXIT_OK;
  },
};

import { serializePosition } from '@crm/event-store';
import { EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { pathFrom, readInputFile } from '../cli-options';
import { displayPath } from '../blueprints/blueprint-files';
import { requirePlatformAction } from '../platform-access';
import { actingUser, withRecordSession } from '../records/record-session';

export const blueprintPublishCommand: CliCommand = {
  path: ['blueprint', 'publish'],
  summary:
    'Publish a blueprint file as a new version (process owners and admins), as POST /blueprints does.\n' +
    'Every start-up check runs first (the file, calendars, conversion targets, the versions already published); every\n' +
    'problem is printed with its path and nothing is stored (exit 3). A running API uses the new version for new records\n' +
    'at once; records opened before stay on their version until migrated (blueprint migrate).',
  usage: 'blueprint publish <file> --as <user>',
  options: { as: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const file = pathFrom(input, input.positionals[0]);
    const source = readInputFile(file);
    requirePlatformAction(actingUser(input).user, 'blueprints.publish');
    return withRecordSession(input, { create: true }, async ({ engine, user }) => {
      const head = await engine.store.headPosition();
      const compiled = await engine.publishBlueprint(source, { file: displayPath(input.io.cwd, file), actor: user.id });
      const after = await engine.store.headPosition();
      const stored = after !== null && (head === null || serializePosition(after) !== serializePosition(head));
      const versions = engine.catalog.versions(compiled.ref.id).map((ref) => ref.version).join(', ');
      const what = stored ? 'published' : 'already published (nothing stored):';
      input.io.stdout.write(`${what} ${compiled.ref.id} v${compiled.ref.version} (sha256:${compiled.ref.contentHash.slice(0, 12)}); versions: ${versions}\n`);
      return EXIT_OK;
    });
  },
};

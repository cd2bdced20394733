import { formatProblem, type BlueprintProblem } from '@crm/blueprint';
import { EXIT_INVALID, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { pathFrom } from '../cli-options';
import { checkBlueprints, displayPath } from '../blueprints/blueprint-files';
import { openPublishedVersions, using } from '../cli-context';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const blueprintValidateCommand: CliCommand = {
  path: ['blueprint', 'validate'],
  summary:
    'Check blueprint folders and files as the engine loads them.\n' +
    'Nothing is written. ' +
    'Every problem is printed on stderr with its file and path, e.g.\n' +
    '  opportunity.blueprint.yaml: transitions[3].requires[0]: unknown field "budjet" (did you mean "budget"?)\n' +
    'A folder is checked as a whole (a version declared twice, a kind governed by two blueprints); warnings\n' +
    'With a store in --data-dir (or CRM_EVENT_STORE), also against the versions published there, exactly as\n' +
    'start-up checks them (a version number taken by other content, a version below the latest).\n' +
    '(e.g. a dead-end stage) are printed but do not fail. Without arguments: the --blueprints folder.\n' +
    'Exit 0 when everything is valid, 3 when there is any problem.',
  usage: 'blueprint validate [<dir|file>...]',
  options: {},
  positionals: { min: 0, max: Number.MAX_SAFE_INTEGER },
  run: async (input) => {
    const paths = input.positionals.length === 0 ? [input.blueprintsDir] : input.positionals.map((path) => pathFrom(input, path));
    // With a store, the checks start-up makes against the versions already published there too.
    const published = await openPublishedVersions(input);
    const check = await using([() => published?.close()], async () => checkBlueprints(paths, published?.catalog));
    const shown = (problem: BlueprintProblem): string => formatProblem({ ...problem, file: displayPath(input.io.cwd, problem.file) });
    for (const problem of check.problems) input.io.stderr.write(`${shown(problem)}\n`);
    for (const warning of check.warnings) input.io.stderr.write(`warning: ${shown(warning)}\n`);
    if (check.problems.length > 0) {
      const files = new Set(check.problems.map((problem) => problem.file)).size;
      input.io.stdout.write(`invalid: ${plural(check.problems.length, 'problem')} in ${plural(files, 'file')} (${plural(check.files.length, 'blueprint file')} checked)\n`);
      return EXIT_INVALID;
    }
    const valid = check.definitions.map((definition) => `${definition.id} v${definition.version} (${definition.kind})`).join(', ');
    const against = published === null ? '' : ' against the published versions';
    input.io.stdout.write(`ok: ${plural(check.files.length, 'blueprint file')} valid${against}: ${valid}\n`);
    return EXIT_OK;
  },
};

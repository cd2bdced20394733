import { EXIT_FAILURE, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openReadModels, using } from '../cli-context';
import { choiceOption, pathFrom, readInputFile, requiredOption } from '../cli-options';
import { importOwners } from '../import/owners-import';
import { formatCount } from '../text-table';

export const importOwnersCommand: CliCommand = {
  path: ['import', 'owners'],
  summary:
    'Import owners and their teams (and managers) from a CSV.\n' +
    'Reports group owners by these teams. The mapping names the columns: owner, team, manager (optional). Owners without a team count as "unassigned".',
  usage: 'import owners --file <teams.csv> --map <mapping.yaml> [--on-error fail|skip]',
  options: { file: { type: 'string' }, map: { type: 'string' }, 'on-error': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const file = pathFrom(input, requiredOption(input.values, 'file'));
    const mappingFile = pathFrom(input, requiredOption(input.values, 'map'));
    const onError = choiceOption(input.values, 'on-error', ['fail', 'skip'] as const, 'fail');
    const content = readInputFile(file);
    const mappingSource = readInputFile(mappingFile);
    const readModels = openReadModels(input);
    return using([() => readModels.close()], async () => {
      const report = importOwners({ db: readModels.db, clock: input.io.clock, content, mappingFile, mappingSource, onError });
      for (const problem of report.rejected) input.io.stderr.write(`row ${problem.row}: ${problem.reason}\n`);
      if (report.update === null) {
        input.io.stdout.write(`stored nothing: ${formatCount(report.rejected.length)} of ${formatCount(report.rows)} rows rejected\n`);
        return EXIT_FAILURE;
      }
      const { added, changed, unchanged } = report.update;
      input.io.stdout.write(
        `owners: ${formatCount(added)} added, ${formatCount(changed)} changed, ${formatCount(unchanged)} unchanged; ${formatCount(report.rejected.length)} rows rejected\n`,
      );
      return EXIT_OK;
    });
  },
};

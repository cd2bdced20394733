import { RoleAccessPolicy } from '@crm/identity';
import { RecordCommandHandler } from '@crm/workflow';
import { EXIT_FAILURE, EXIT_OK, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openCatalog, openEventStore, using } from '../cli-context';
import { choiceOption, pathFrom, readInputFile, requiredOption } from '../cli-options';
import { actingUser } from '../records/record-session';
import { importRecords, type RecordImportReport } from '../import/record-import';
import { formatCount } from '../text-table';

const kindPattern = /^[a-z][a-z0-9_]*$/;

const summaryOf = (report: RecordImportReport, onError: string): string => {
  const head = report.stored
    ? `imported ${formatCount(report.imported)} of ${formatCount(report.rows)} rows as ${report.kind} (${formatCount(report.events)} events)`
    : `stored nothing: ${formatCount(report.rows)} rows checked`;
  const rejected = report.rejected.length === 0 ? 'no row rejected' : `${formatCount(report.rejected.length)} rows rejected (${onError === 'fail' ? 'import refused' : 'skipped'})`;
  return `${head}; ${formatCount(report.alreadyImported)} already imported; ${rejected}\n`;
};

export const importRecordsCommand: CliCommand = {
  path: ['import'],
  summary:
    'Import record histories from a CSV through a mapping.\n' +
    'The mapping names the id, owner, field, stage-date, status and won-amount columns. Business times are kept, events are marked as imported, field types and stages are validated. Every row is\n' +
    'checked before anything is stored: with --on-error fail (default) one bad row stores nothing; with skip the\n' +
    'bad rows are reported and left out. Importing the same rows again stores nothing.',
  usage: 'import <kind> --file <data.csv> --map <mapping.yaml> [--on-error fail|skip] [--as <user>] [--dry-run]',
  options: {
    file: { type: 'string' },
    map: { type: 'string' },
    'on-error': { type: 'string' },
    as: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const kind = input.positionals[0];
    if (!kindPattern.test(kind)) throw usageError(`"${kind}" is not a record kind (a lower-case identifier such as opportunity)`);
    const file = pathFrom(input, requiredOption(input.values, 'file'));
    const mappingFile = pathFrom(input, requiredOption(input.values, 'map'));
    const onError = choiceOption(input.values, 'on-error', ['fail', 'skip'] as const, 'fail');
    const content = readInputFile(file);
    const mappingSource = readInputFile(mappingFile);
    const { user, users } = actingUser(input);
    const store = await openEventStore(input, { create: true });
    return using([() => store.close()], async () => {
      const catalog = await openCatalog(store, input);
      const handler = new RecordCommandHandler(store, catalog, { clock: input.io.clock, policy: new RoleAccessPolicy(() => users) });
      const report = await importRecords({
        store,
        catalog,
        handler,
        clock: input.io.clock,
        kind,
        file,
        content,
        mappingFile,
        mappingSource,
        onError,
        actor: { id: user.id, roles: user.roles },
        dryRun: input.values['dry-run'] === true,
        onProgress: (done, total) => input.io.stderr.write(`stored ${formatCount(done)}/${formatCount(total)} histories\n`),
      });
      for (const problem of report.rejected) {
        input.io.stderr.write(`row ${problem.row}${problem.recordId === null ? '' : ` (${problem.recordId})`}: ${problem.reason}\n`);
      }
      input.io.stdout.write(summaryOf(report, onError));
      return report.rejected.length > 0 && onError === 'fail' ? EXIT_FAILURE : EXIT_OK;
    });
  },
};

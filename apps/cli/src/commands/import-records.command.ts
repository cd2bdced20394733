import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { RoleAccessPolicy } from '@crm/identity';
import { RecordCommandHandler } from '@crm/workflow';
import { EXIT_FAILURE, EXIT_OK, EXIT_REFUSED, usageError } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { cliOrigin } from '../cli-origin';
import { openCatalog, openEventStore, using } from '../cli-context';
import { choiceOption, pathFrom, readInputFile, requiredOption, stringOption } from '../cli-options';
import { actingUser } from '../records/record-session';
import { importRecords, type RecordImportReport } from '../import/record-import';
import { formatCount, renderTable } from '../text-table';

const kindPattern = /^[a-z][a-z0-9_]*$/;

const plural = (count: number, one: string, many: string): string => `${formatCount(count)} ${count === 1 ? one : many}`;

const summaryOf = (report: RecordImportReport, onError: string): string => {
  const head = report.stored
    ? `imported ${formatCount(report.imported)} of ${formatCount(report.rows)} rows as ${report.kind} (${formatCount(report.events)} events)`
    : `stored nothing: ${formatCount(report.rows)} rows checked`;
  const rejected = report.rejected.length === 0 ? 'no row rejected' : `${formatCount(report.rejected.length)} rows rejected (${onError === 'fail' ? 'import refused' : 'skipped'})`;
  return `${head}; ${formatCount(report.alreadyImported)} already imported; ${rejected}\n`;
};

const sample = (rows: readonly number[], total: number): string => `${rows.join(', ')}${total > rows.length ? ', …' : ''}`;

/** Per blueprint rule, the records that break it; the moves behind them are stored as StageRecorded. */
const conformanceText = ({ conformance }: RecordImportReport): string => {
  if (conformance.nonConforming === 0) return `conformance: every record follows the blueprint (${plural(conformance.records, 'record', 'records')} checked)\n`;
  const table = renderTable(
    ['event', 'criterion', 'rule', 'records', 'sample rows'],
    conformance.rules.map((rule) => [
      rule.event,
      [rule.criterion, rule.field ?? rule.expression].filter((part) => part !== undefined).join(' '),
      rule.rule,
      formatCount(rule.records),
      sample(rule.sampleRows, rule.records),
    ]),
    3,
  );
  return (
    `conformance: ${formatCount(conformance.nonConforming)} of ${plural(conformance.records, 'record', 'records')} break blueprint rules (stored as StageRecorded, not as transitions)\n` +
    `${table}\n`
  );
};

const warningsText = ({ warnings, rowsWithWarnings }: RecordImportReport): string => {
  if (warnings.length === 0) return 'warnings: none\n';
  const total = warnings.reduce((sum, warning) => sum + warning.rows, 0);
  const table = renderTable(
    ['warning', 'what', 'rows', 'sample rows'],
    warnings.map((warning) => [warning.kind, warning.message, formatCount(warning.rows), sample(warning.sampleRows, warning.rows)]),
    2,
  );
  return `warnings: ${formatCount(total)} (${plural(rowsWithWarnings, 'row', 'rows')}; errors with --strict)\n${table}\n`;
};

const strictRefusal = ({ conformance, warnings }: RecordImportReport): string => {
  const reasons = [
    ...(conformance.nonConforming > 0 ? [`${plural(conformance.nonConforming, 'record breaks', 'records break')} blueprint rules`] : []),
    ...(warnings.length > 0 ? [plural(warnings.reduce((sum, warning) => sum + warning.rows, 0), 'warning', 'warnings')] : []),
  ];
  return `--strict: ${reasons.join(' and ')}; the file is refused, nothing is stored\n`;
};

/** Next to the CSV, `<name>.import-report.json`, unless `--report` says where. */
const reportPathOf = (file: string, given: string | undefined): string =>
  given ?? join(dirname(file), `${basename(file, extname(file))}.import-report.json`);

const exitCodeOf = (report: RecordImportReport): number => {
  if (report.refused === 'strict') return EXIT_REFUSED;
  return report.refused === 'rejected_rows' ? EXIT_FAILURE : EXIT_OK;
};

export const importRecordsCommand: CliCommand = {
  path: ['import'],
  summary:
    'Import record histories from a CSV through a mapping.\n' +
    'The mapping names the id, owner, field, stage-date, status and won-amount columns. Business times are kept, events are marked as imported, field types and stages are validated. Every row is\n' +
    'checked before anything is stored: with --on-error fail (default) one bad row stores nothing; with skip the\n' +
    'bad rows are reported and left out. A stage move no blueprint transition explains (its criteria unmet by the\n' +
    'fields then) is stored as StageRecorded; the conformance report counts, per blueprint rule, the records that\n' +
    'break it. Owners missing from the users file, blank owner and reference cells and mapped values that are not\n' +
    'imported are counted warnings. The report is printed and written as JSON next to the file (or to --report).\n' +
    '--strict refuses the whole file (exit 4) when a record breaks a rule or any warning is counted. Importing the\n' +
    'same rows again stores nothing.',
  usage: 'import <kind> --file <data.csv> --map <mapping.yaml> [--on-error fail|skip] [--strict] [--report <path.json>] [--as <user>] [--dry-run]',
  options: {
    file: { type: 'string' },
    map: { type: 'string' },
    'on-error': { type: 'string' },
    strict: { type: 'boolean' },
    report: { type: 'string' },
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
    const givenReport = stringOption(input.values, 'report');
    const reportFile = reportPathOf(file, givenReport === undefined ? undefined : pathFrom(input, givenReport));
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
        origin: cliOrigin(),
        isUser: (id) => users.get(id) !== undefined,
        strict: input.values['strict'] === true,
        dryRun: input.values['dry-run'] === true,
        onProgress: (done, total) => input.io.stderr.write(`stored ${formatCount(done)}/${formatCount(total)} histories\n`),
      });
      for (const problem of report.rejected) {
        input.io.stderr.write(`row ${problem.row}${problem.recordId === null ? '' : ` (${problem.recordId})`}: ${problem.reason}\n`);
      }
      if (report.refused === 'strict') input.io.stderr.write(strictRefusal(report));
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
      input.io.stdout.write(`${summaryOf(report, onError)}${conformanceText(report)}${warningsText(report)}report: ${reportFile}\n`);
      return exitCodeOf(report);
    });
  },
};

import { compileBlueprint, parseBlueprint } from '@crm/blueprint';
import { BlueprintCatalog, whatIfBound, whatIfReplay, type WhatIfReport } from '@crm/workflow';
import { CliException, CliExceptionCode, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { checkEventStore, openChosenEventStore, using } from '../cli-context';
import { pathFrom, readInputFile, stringOption } from '../cli-options';
import { displayPath } from '../blueprints/blueprint-files';

const boundOf = (name: 'from' | 'to', text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const at = whatIfBound(name, text);
  if (at === null) throw new CliException(CliExceptionCode.USAGE, `--${name} ${text}: expected a date (YYYY-MM-DD) or an ISO-8601 date-time with offset`, { option: name });
  return at;
};

export const formatWhatIf = (report: WhatIfReport): string => {
  const lines = [
    `what-if ${report.blueprint.id} v${report.blueprint.version} (draft) over ${report.records} records, ${report.events} events, ${report.transitions} recorded moves` +
      (report.window.from === null && report.window.to === null ? '' : ` opened ${report.window.from ?? '…'} – ${report.window.to ?? '…'}`),
    '',
    `refused: ${report.refused.length} of ${report.transitions} moves`,
    ...report.refusedByRule.map((rule) => `  ${String(rule.count).padStart(6)}  ${rule.event}: ${rule.message}`),
    '',
    `elsewhere now: ${report.elsewhere.length} records`,
    ...report.elsewhere.slice(0, 20).map((record) => `  ${record.recordId}: ${record.stage} → would be in ${record.draftStage}`),
    ...(report.elsewhere.length > 20 ? [`  … and ${report.elsewhere.length - 20} more (--json lists them all)`] : []),
    '',
    'funnel (records that reached each stage): recorded | draft',
    ...report.funnel.map((step) => `  ${step.title.padEnd(24)} ${String(step.recorded).padStart(8)} | ${String(step.draft).padStart(8)}`),
  ];
  return `${lines.join('\n')}\n`;
};

export const blueprintWhatIfCommand: CliCommand = {
  path: ['blueprint', 'what-if'],
  summary:
    'Replay the recorded history of the records of a blueprint against a draft file, reading only: the past moves the\n' +
    'draft would have refused (counted by rule), the records that would now sit elsewhere, and the funnel under the\n' +
    'draft beside the recorded one. --from/--to: records opened in that window (dates or date-times). --json: as JSON.',
  usage: 'blueprint what-if <draft.yaml> [--from <date>] [--to <date>] [--json]',
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async (input) => {
    const file = pathFrom(input, input.positionals[0]);
    const draft = compileBlueprint(parseBlueprint(readInputFile(file), displayPath(input.io.cwd, file)));
    const window = { from: boundOf('from', stringOption(input.values, 'from')), to: boundOf('to', stringOption(input.values, 'to')) };
    checkEventStore(input, { create: false });
    const store = await openChosenEventStore(input);
    return using([() => store.close()], async () => {
      const catalog = await BlueprintCatalog.open(store);
      const report = await whatIfReplay({ store, catalog, draft, window: { ...(window.from === undefined ? {} : { from: window.from }), ...(window.to === undefined ? {} : { to: window.to }) } });
      input.io.stdout.write(input.values['json'] === true ? `${JSON.stringify(report, null, 2)}\n` : formatWhatIf(report));
      return EXIT_OK;
    });
  },
};

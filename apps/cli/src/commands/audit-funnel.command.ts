import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFunnel, PERIOD_KINDS, renderFunnelReport } from '@crm/projections';
import { EXIT_FAILURE, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEventStore, openReadModels, using } from '../cli-context';
import { choiceOption, requiredOption, stringOption } from '../cli-options';
import { progressPrinter } from '../progress-bar';

export const auditFunnelCommand: CliCommand = {
  path: ['audit', 'funnel'],
  summary:
    'Check the live funnel against a replay of the raw history; exit 1 on any difference.\n' +
    'Rebuilds the funnel into a scratch model up to the live checkpoint, compares reports and tables, and prints\n' +
    'the funnel with the sha256 digest of its canonical rendering.',
  usage: 'audit funnel --from <date> --to <date> [--as-of <date>] [--by cohort|owner|team|<field>] [--cohort month|quarter] [--kind <kind>]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    by: { type: 'string' },
    cohort: { type: 'string' },
    kind: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const query = {
      kind: stringOption(input.values, 'kind') ?? 'opportunity',
      from: requiredOption(input.values, 'from'),
      to: requiredOption(input.values, 'to'),
      asOf: stringOption(input.values, 'as-of'),
      by: stringOption(input.values, 'by'),
      cohort: choiceOption(input.values, 'cohort', PERIOD_KINDS, 'month'),
    };
    const store = await openEventStore(input);
    const readModels = openReadModels(input);
    const scratch = mkdtempSync(join(tmpdir(), 'crm-audit-'));
    return using([() => store.close(), () => readModels.close(), () => rmSync(scratch, { recursive: true, force: true })], async () => {
      const audit = await auditFunnel({
        store,
        readModels,
        query,
        scratchDirectory: scratch,
        clock: input.io.clock,
        onProgress: progressPrinter(input.io.stderr),
      });
      input.io.stdout.write(renderFunnelReport(audit.live));
      input.io.stdout.write(`digest: sha256:${audit.liveDigest}\n`);
      if (audit.differences.length === 0) {
        input.io.stdout.write(`audit: the live funnel matches a replay of the history up to ${audit.checkpoint ?? 'the start'}\n`);
        return EXIT_OK;
      }
      input.io.stdout.write(`replayed digest: sha256:${audit.referenceDigest}\n`);
      input.io.stderr.write(`audit: ${audit.differences.length} difference(s) between the live funnel and the replayed history:\n`);
      for (const difference of audit.differences.slice(0, 50)) input.io.stderr.write(`  ${difference}\n`);
      if (audit.differences.length > 50) input.io.stderr.write(`  … and ${audit.differences.length - 50} more\n`);
      return EXIT_FAILURE;
    });
  },
};

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializePosition } from '@crm/event-store';
import { DEFAULT_BATCH_SIZE, projectionDigest, readCheckpoint, replayProjections, serializeCheckpointPosition } from '@crm/projection-runtime';
import { crmProjections } from '@crm/projections';
import { EXIT_FAILURE, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';
import { openEventStore, openReadModels, using } from '../cli-context';
import { pathFrom, positiveIntegerOption, stringOption } from '../cli-options';
import { progressPrinter } from '../progress-bar';
import { formatCount, renderTable } from '../text-table';

export const replayCommand: CliCommand = {
  path: ['replay'],
  summary:
    'Rebuild every projection into a scratch directory and print the digests.\n' +
    'Each digest is compared with the live model when it stands at the same position (exit 1 if one differs).',
  usage: 'replay [--scratch <dir>] [--batch-size <n>]',
  options: { scratch: { type: 'string' }, 'batch-size': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    const batchSize = positiveIntegerOption(input.values, 'batch-size') ?? DEFAULT_BATCH_SIZE;
    const given = stringOption(input.values, 'scratch');
    const scratch = given === undefined ? mkdtempSync(join(tmpdir(), 'crm-replay-')) : pathFrom(input, given);
    const store = await openEventStore(input);
    const live = openReadModels(input);
    return using([() => store.close(), () => live.close(), () => given === undefined && rmSync(scratch, { recursive: true, force: true })], async () => {
      const head = await store.headPosition();
      const projections = crmProjections();
      const replay = await replayProjections({
        store,
        projections,
        directory: scratch,
        clock: input.io.clock,
        batchSize,
        onProgress: progressPrinter(input.io.stderr),
        ...(head === null ? { include: () => false } : { until: head }),
      });
      replay.readModels.close();
      let different = false;
      const rows = replay.projections.map((replayed) => {
        const projection = projections.find((candidate) => candidate.name === replayed.projection);
        if (projection === undefined) throw new Error(`the replay answered for "${replayed.projection}", which is not a projection it was given`);
        const checkpoint = readCheckpoint(live.db, projection.name);
        const position = serializeCheckpointPosition(replayed.position);
        let verdict: string;
        if (checkpoint === null) verdict = 'not built';
        else if (serializeCheckpointPosition(checkpoint.position) !== position || checkpoint.version !== projection.version) {
          verdict = `at ${serializeCheckpointPosition(checkpoint.position) ?? 'start'} v${checkpoint.version}: not comparable`;
        } else if (projectionDigest(live.db, projection) === replayed.digest) verdict = 'same';
        else {
          verdict = 'DIFFERENT';
          different = true;
        }
        return [replayed.projection, formatCount(replayed.eventsApplied), position ?? '-', `sha256:${replayed.digest}`, verdict];
      });
      input.io.stdout.write(`replayed up to ${head === null ? 'an empty store' : serializePosition(head)}${given === undefined ? '' : ` into ${scratch}`}\n`);
      input.io.stdout.write(`${renderTable(['projection', 'events', 'position', 'replay digest', 'live model'], rows, 5)}\n`);
      return different ? EXIT_FAILURE : EXIT_OK;
    });
  },
};

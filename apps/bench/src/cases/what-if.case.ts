import { join } from 'node:path';
import { DEFAULT_BATCH_SIZE } from '@crm/projection-runtime';
import type { CaseResult, CaseSettings } from '../case-result';
import { runChildTask } from '../child-task';
import { ensureSalesHistory } from '../workload/sales-history-store';
import type { RawReadInput, RawReadResult } from './replay-raw-read.task';
import { historyDetails, historyLabel, historyRequestOf } from './replay.case';
import type { WhatIfInput, WhatIfResult } from './what-if.task';

/**
 * What-if replay of every opportunity of the generated sales history against a draft (README, "What-if
 * replay"), in a child process; its reference, measured in the same run on the same rows, reads every row
 * of the store with `JSON.parse`, paging by position.
 */
export const runWhatIfCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const history = await ensureSalesHistory(historyRequestOf(settings));
  const raw = await runChildTask<RawReadInput, RawReadResult>(join(__dirname, 'replay-raw-read.task.ts'), { storeDirectory: history.directory, pageSize: DEFAULT_BATCH_SIZE });
  const whatIf = await runChildTask<WhatIfInput, WhatIfResult>(join(__dirname, 'what-if.task.ts'), {
    storeDirectory: history.directory,
    profileFile: settings.profileDirectory === null ? null : join(settings.profileDirectory, 'what-if.cpuprofile'),
  });
  const label = historyLabel(history, settings.quick);
  return [
    {
      status: 'measured',
      id: 'what-if',
      title: `What-if: every opportunity's history replayed against a draft (${label})`,
      rate: { value: whatIf.events / whatIf.seconds, unit: 'events/s' },
      latencyMs: null,
      peakRssMiB: whatIf.peakRssMiB,
      details: {
        how: 'whatIfReplay: one pass over the opportunity streams in $all order, each record folded as the command handler folds it up to each recorded move, the move judged with the compiled draft',
        seconds: whatIf.seconds,
        eventsReplayed: whatIf.events,
        records: whatIf.records,
        movesJudged: whatIf.transitions,
        movesRefused: whatIf.refused,
        recordsElsewhere: whatIf.elsewhere,
        ...historyDetails(history),
      },
    },
    {
      status: 'measured',
      id: 'what-if.raw-read',
      title: `Raw read of every row + JSON.parse, paging by position, beside what-if (${label})`,
      rate: { value: raw.rows / raw.seconds, unit: 'rows/s' },
      latencyMs: null,
      peakRssMiB: raw.peakRssMiB,
      details: { rows: raw.rows, pageSize: DEFAULT_BATCH_SIZE, seconds: raw.seconds },
    },
  ];
};

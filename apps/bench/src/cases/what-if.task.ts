import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBlueprint, parseBlueprint } from '@crm/blueprint';
import { systemClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { BlueprintCatalog, RECORD_EVENT_SCHEMAS, whatIfReplay } from '@crm/workflow';
import { serveChildTask } from '../child-task';
import { CpuProfiler } from '../measure/cpu-profiler';
import { stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { blueprintsDirectory } from '../workload/bench-engine';

export interface WhatIfInput {
  readonly storeDirectory: string;
  readonly profileFile: string | null;
}

export interface WhatIfResult {
  readonly events: number;
  readonly records: number;
  readonly transitions: number;
  readonly refused: number;
  readonly elsewhere: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

/**
 * A draft a process owner might try: the shipped opportunity, one version on, whose needs analysis also
 * needs an approved budget — a field no recorded deal has, so every recorded needs analysis is refused.
 */
export const opportunityDraft = (latestVersion: number): string =>
  readFileSync(join(blueprintsDirectory, 'opportunity.blueprint.yaml'), 'utf8')
    .replace(/^version: \d+$/m, `version: ${latestVersion + 1}`)
    .replace('requires: [budget, decisionMaker, timeline]', 'requires: [budget, decisionMaker, timeline, budgetApproved]')
    .replace(/^fields:\n/m, 'fields:\n  budgetApproved: { type: boolean, label: Budget approved }\n');

/** One what-if over the whole history (every opportunity since go-live), on a store opened read-only. */
serveChildTask(async ({ storeDirectory, profileFile }: WhatIfInput): Promise<WhatIfResult> => {
  const store = await SqliteEventStore.open({ directory: storeDirectory, clock: systemClock, readOnly: true, schemas: RECORD_EVENT_SCHEMAS });
  try {
    const catalog = await BlueprintCatalog.open(store);
    const latest = catalog.latestForKind('opportunity').ref.version;
    const profiler = profileFile === null ? null : await CpuProfiler.start();
    const timer = stopwatch();
    // Compiled inside the measured window: a process owner's what-if compiles the draft each time.
    const draft = compileBlueprint(parseBlueprint(opportunityDraft(latest), 'opportunity.draft.yaml'));
    const report = await whatIfReplay({ store, catalog, draft });
    const seconds = timer();
    if (profiler && profileFile) await profiler.stop(profileFile);
    await catalog.stop();
    if (report.refused.length === 0) throw new Error('the draft refused nothing: the what-if measured no judgement');
    return {
      events: report.events,
      records: report.records,
      transitions: report.transitions,
      refused: report.refused.length,
      elsewhere: report.elsewhere.length,
      seconds,
      peakRssMiB: peakRssMiB(),
    };
  } finally {
    await store.close();
  }
});

import type { Database } from 'better-sqlite3';
import { openRecordsByOwner } from '@crm/projections';
import type { BlueprintCatalog } from '@crm/workflow';

/** How many open leads each rep holds now: what capacity caps, balancing and the claim cap count. */
export interface OpenLeadCounts {
  count(reps: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

/** The final stages of every published lead blueprint version: a lead there is no longer held. */
export const finalLeadStages = (catalog: BlueprintCatalog): string[] => {
  if (!catalog.kinds().includes('lead')) return [];
  const id = catalog.latestForKind('lead').ref.id;
  const stages = new Set<string>();
  for (const ref of catalog.versions(id)) {
    const blueprint = catalog.get(ref);
    for (const stage of blueprint.definition.stages) if (blueprint.stage(stage.id)?.final === true) stages.add(stage.id);
  }
  return [...stages].sort();
};

/**
 * Counts from the records read model, after `caughtUp` (the read model at the log's head: every
 * assignment and claim stored so far is counted). Commands never read read models; these counts are a
 * fact the router and the claim desk look up before they send one (README, Lead pool: the claim cap).
 */
export const readModelOpenLeads = (parts: { readonly db: Database; readonly catalog: BlueprintCatalog; readonly caughtUp: () => Promise<void> }): OpenLeadCounts => ({
  count: async (reps) => {
    await parts.caughtUp();
    return openRecordsByOwner(parts.db, { kind: 'lead', owners: reps, finalStages: finalLeadStages(parts.catalog) });
  },
});

import type { PendingCase } from '../case-result';

/**
 * HOOK — projection-based cases (issue 3, "projections"). They are listed in every run so the table
 * shows what is not measured yet, and they print no number until they can measure a real one.
 *
 * When the projections land (libs/projection-runtime, projections/pipeline|forecast|funnel), replace
 * each entry below with a case module like the others (`runXCase(settings): Promise<CaseResult[]>`,
 * registered in ../case-catalog.ts) that:
 * - replay: generates histories with `generateOpportunityHistories` (seeded, dated events through the
 *   command handler, as the engine case does), then times a full rebuild of every read model from
 *   position 0 (events/s, peak RSS) against the raw read-back rate of the same store (`readAll` paging
 *   by position) as its reference;
 * - as-of: times "pipeline as of T" queries for random T over that history (p50/p99 per query) against
 *   a full replay to T as the reference (the design's audit path, DESIGN.md decision 12).
 */
export const PROJECTION_CASES: readonly PendingCase[] = [
  {
    status: 'pending',
    id: 'replay',
    title: 'Replay: rebuild every read model from position 0',
    reason: 'pending: needs the projections (issue 3)',
  },
  {
    status: 'pending',
    id: 'as-of',
    title: 'As-of: pipeline on a past date',
    reason: 'pending: needs the projections (issue 3)',
  },
];

import type { ExplainedRecord, FigureExplanation } from '@crm/projections';
import type { HistoryEntry } from '../records/record-view';

/** A figure's explanation as the API answers it: each readable record with the events that moved it up to asOf. */
export interface ExplainedFigure extends Omit<FigureExplanation, 'records'> {
  readonly records: readonly (ExplainedRecord & { readonly events: readonly HistoryEntry[] })[];
  /** Readable records beyond the limit, not listed. */
  readonly unlisted: number;
}

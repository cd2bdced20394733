import type { FieldValue } from '@crm/blueprint';
import { recordPart, type ExistingRecord } from '../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { LeadCapture } from './lead-dedup.commands';

/** A merge this lead took in. */
export interface LeadMergeEntry {
  readonly mergeId: string;
  readonly rule: string;
  /** The lead merged away (manual merges); null for an intake. */
  readonly mergedLead: string | null;
  readonly filled: Readonly<Record<string, FieldValue>>;
  readonly at: string;
  readonly split: boolean;
}

/** What dedup knows of a lead, folded from its events (README, Intake and dedup). */
export interface LeadDedup {
  /** Set while the lead is merged into another one (it is closed then). */
  readonly mergedInto: { readonly recordId: string; readonly mergeId: string } | null;
  readonly merges: readonly LeadMergeEntry[];
  /** Every intake that came in as this lead, the first one opened it. */
  readonly captures: readonly (LeadCapture & { readonly at: string })[];
}

export const leadDedupPart = recordPart<LeadDedup>('lead-dedup', { mergedInto: null, merges: [], captures: [] });

export const leadDedupOf = (record: ExistingRecord): LeadDedup => leadDedupPart.read(record);

/** The lead this one was merged into, or null. */
export const mergedIntoOf = (record: ExistingRecord): string | null => leadDedupPart.read(record).mergedInto?.recordId ?? null;

/** A lead merged away takes nothing in and does not move: LEAD_MERGED, the caller follows `details.into`. */
export const requireNotMerged = (record: ExistingRecord): void => {
  const into = mergedIntoOf(record);
  if (into !== null) {
    throw new WorkflowException(WorkflowExceptionCode.LEAD_MERGED, `lead "${record.recordId}" was merged into lead "${into}"`, { recordId: record.recordId, into });
  }
};

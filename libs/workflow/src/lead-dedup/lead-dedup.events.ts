import type { FieldValue, FieldValues } from '@crm/blueprint';
import type { LeadCapture } from './lead-dedup.commands';

/** The intake that opened the lead, with its source, campaign and UTM tags. */
export interface LeadCaptured {
  readonly type: 'LeadCaptured';
  readonly data: { readonly recordId: string } & LeadCapture;
}

/**
 * Another lead came in as this one: by intake (`capture` set) or a manual merge (`mergedLead` set).
 * `payload` is what came in; `filled` the fields this lead lacked and took from it (a FieldsChanged
 * in the same append sets them).
 */
export interface LeadMerged {
  readonly type: 'LeadMerged';
  readonly data: {
    readonly recordId: string;
    readonly mergeId: string;
    /** The match rule (`same-email`, …), or `manual`. */
    readonly rule: string;
    readonly score: number;
    readonly mergedLead: string | null;
    readonly capture: LeadCapture | null;
    readonly payload: FieldValues;
    readonly filled: Readonly<Record<string, FieldValue>>;
    readonly by: string;
    readonly reason: string | null;
  };
}

/** This lead was merged into another: closed, its fields frozen, until a split restores it. */
export interface LeadMergedAway {
  readonly type: 'LeadMergedAway';
  readonly data: { readonly recordId: string; readonly into: string; readonly mergeId: string; readonly by: string; readonly reason: string | null };
}

/** A manual merge undone on the survivor; `cleared` the filled fields taken back. */
export interface LeadSplit {
  readonly type: 'LeadSplit';
  readonly data: { readonly recordId: string; readonly mergeId: string; readonly mergedLead: string; readonly cleared: readonly string[]; readonly by: string };
}

/** The lead merged away is a lead of its own again. */
export interface LeadRestored {
  readonly type: 'LeadRestored';
  readonly data: { readonly recordId: string; readonly from: string; readonly mergeId: string; readonly by: string };
}

/** Opened by hand although the match rules found it kept already; the reason is the user's. */
export interface DuplicateLeadAllowed {
  readonly type: 'DuplicateLeadAllowed';
  readonly data: { readonly recordId: string; readonly reason: string; readonly rules: readonly string[]; readonly by: string };
}

export type LeadDedupEvent = LeadCaptured | LeadMerged | LeadMergedAway | LeadSplit | LeadRestored | DuplicateLeadAllowed;

import type { FieldValues } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';

/** The tags an intake keeps on the lead: where it came from (README, Intake and dedup). */
export interface LeadCapture {
  /** The intake key's source (`website`, `expo-2026`). */
  readonly source: string;
  /** The sender's id of the lead; with the source it makes the intake idempotent. */
  readonly externalId: string;
  readonly campaign: string | null;
  /** `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, as sent. */
  readonly utm: Readonly<Record<string, string>>;
}

/** Why the engine sent a command to this lead: what it found before deciding, not what the sender asked. */
export interface LeadFound {
  /** The rule whose key or likeness points at this lead. */
  readonly match?: { readonly rule: string; readonly score: number };
  /** A lead alike but below the rule's threshold: a person should look (a review task). */
  readonly review?: { readonly rule: string; readonly score: number; readonly recordId: string };
}

/**
 * An incoming lead, sent to the lead it is (or will be): opens it when it does not exist yet, otherwise
 * merges into it (LeadMerged), filling the fields it lacks. The record id comes from the dedup rules.
 */
export interface CaptureLead extends RecordCommandBase {
  readonly type: 'CaptureLead';
  readonly recordId: string;
  /** Normalized field values of the incoming lead. */
  readonly fields: FieldValues;
  readonly capture: LeadCapture;
  /** Left out of the command's fingerprint: a retry may find more than the first attempt did. */
  readonly found?: LeadFound;
}

/** On the surviving lead of a manual merge: takes in the other lead's fields (LeadMerged, rule `manual`). */
export interface MergeLead extends RecordCommandBase {
  readonly type: 'MergeLead';
  readonly recordId: string;
  /** The lead merged away. */
  readonly mergedLead: string;
  readonly mergeId: string;
  /** The merged lead's fields as they were when it was closed. */
  readonly payload: FieldValues;
  readonly reason?: string;
}

/** On the lead merged away: closes it as merged into the survivor (LeadMergedAway). */
export interface MarkLeadMerged extends RecordCommandBase {
  readonly type: 'MarkLeadMerged';
  readonly recordId: string;
  readonly into: string;
  readonly mergeId: string;
  readonly reason?: string;
}

/** On the surviving lead: undoes a manual merge (LeadSplit), clearing the fields it filled and no one changed since. */
export interface SplitLead extends RecordCommandBase {
  readonly type: 'SplitLead';
  readonly recordId: string;
  readonly mergedLead: string;
}

/** On the lead merged away: opens it again as it was (LeadRestored). */
export interface RestoreMergedLead extends RecordCommandBase {
  readonly type: 'RestoreMergedLead';
  readonly recordId: string;
  readonly from: string;
}

/** A lead opened by hand although the match rules find it is already kept: the reason is recorded. */
export interface OpenDuplicateLead extends RecordCommandBase {
  readonly type: 'OpenDuplicateLead';
  readonly recordId?: string;
  readonly fields?: FieldValues;
  readonly owner?: string | null;
  readonly duplicate: { readonly reason: string; readonly rules: readonly string[] };
}

export type LeadDedupCommand = CaptureLead | MergeLead | MarkLeadMerged | SplitLead | RestoreMergedLead | OpenDuplicateLead;

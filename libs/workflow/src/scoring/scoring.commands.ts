import type { RecordCommandBase } from '../record/record-command';

/** What an activity may carry besides its type and time: a flat map of short values (campaign, page, …). */
export type ActivityDetails = Readonly<Record<string, string | number | boolean>>;

/** An activity of the record (an email opened, a demo requested), scored by the blueprint's behaviour rules. */
export interface RecordActivity extends RecordCommandBase {
  readonly type: 'RecordActivity';
  readonly recordId: string;
  /** One of the blueprint's behaviour rules' activities. */
  readonly activity: string;
  /** When it happened (ISO-8601 with offset); default: now. */
  readonly occurredAt?: string;
  readonly details?: ActivityDetails;
}

export type ScoringCommand = RecordActivity;

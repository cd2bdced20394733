/** No rep could take an unowned lead: it waits in this team's pool (null: everyone's), for this reason. */
export interface LeadPooled {
  readonly type: 'LeadPooled';
  readonly data: {
    readonly recordId: string;
    readonly team: string | null;
    /** The assignment rule that put it there; null when no rule matched. */
    readonly rule: string | null;
    readonly reason: string;
  };
}

export type LeadPoolEvent = LeadPooled;

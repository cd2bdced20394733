import type { StoredRecordEventOf } from '../record/record-event';
import { recordPart, type ExistingRecord, type RecordDraft } from '../record/record.state';
import type { OwnerChanged } from '../ownership/ownership.events';
import type { Timing } from '../timers/timing';
import type { LeadPooled } from './lead-pool.events';

/** What the pool knows of a lead, folded from its ownership events (README, Lead pool). */
export interface LeadPool {
  /** While unowned: whose pool it is in — the team of the owner it left, or of the rule that put it there; null: everyone's. */
  readonly team: string | null;
  /** The assignment rule that put it in the pool, if one did. */
  readonly rule: string | null;
  /** When each rep last lost the lead to the pool: their claim cool-down counts from then. */
  readonly left: Readonly<Record<string, string>>;
}

const pool = recordPart<LeadPool>('lead-pool', { team: null, rule: null, left: {} });

export const leadPoolOf = (record: ExistingRecord): LeadPool => pool.read(record);

/** The team whose pool an unowned record is in (null: everyone's, or owned). */
export const poolTeamOf = (record: ExistingRecord): string | null => (record.owner === null ? pool.read(record).team : null);

/** A lead returned to the pool goes to the pool of the team of the owner it left. */
export const teamLeft = (owner: string | null, timing: Timing): string | null => (owner === null ? null : timing.teamOf(owner));

/** Part of OwnerChanged's fold: a lead leaving its owner goes to their team's pool, and the owner's cool-down starts. */
export const poolAfterOwnerChanged = (draft: RecordDraft, event: StoredRecordEventOf<OwnerChanged>): void => {
  // Only leads can be unowned (the access policy's `pool.leads-only`): no other record keeps pool state.
  if (draft.kind !== 'lead') return;
  const before = pool.read(draft);
  const { data } = event;
  if (data.to !== null) {
    pool.write(draft, { team: null, rule: null, left: before.left });
    return;
  }
  const { from } = data;
  pool.write(draft, {
    team: data.team,
    rule: event.data.rule ?? null,
    left: from === null ? before.left : { ...before.left, [from]: event.occurredAt },
  });
};

export const poolAfterLeadPooled = (draft: RecordDraft, event: StoredRecordEventOf<LeadPooled>): void => {
  pool.write(draft, { ...pool.read(draft), team: event.data.team, rule: event.data.rule });
};

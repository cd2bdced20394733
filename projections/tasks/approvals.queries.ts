import type { Database } from 'better-sqlite3';
import type { Actor, ApprovalMode } from '@crm/blueprint';
import type { ApprovalStepState } from '@crm/workflow';
import type { RecordVisibility } from '../records/records.queries';
import { requireTables } from '../shared/require-tables';
import { actionableSteps } from './approvals.projection';
import { decodeCursor, encodeCursor, pageLimit } from './work-list-page';
import { visibleRecordCondition } from './work-records';

export interface ApprovalListQuery {
  /** The approver: requests with a step this user may decide now (their role, or them by name), not their own. */
  readonly waitingFor: Actor;
  readonly kind?: string;
  /** 1..500, default 50. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Only requests on these owners' records, plus unowned records (all, or of the given kinds); absent: every record's. */
  readonly visibleTo?: RecordVisibility;
}

export interface ApprovalListItem {
  readonly approvalId: string;
  readonly kind: string;
  readonly recordId: string;
  /** The record's name field (name, else title, else company); null when it has none. */
  readonly recordName: string | null;
  /** The transition waiting for approval. */
  readonly event: string;
  readonly mode: ApprovalMode;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly steps: readonly ApprovalStepState[];
  /** Every step that may be decided now, by title (one of them is the asker's). */
  readonly waitingFor: readonly string[];
}

export interface ApprovalPage {
  readonly items: readonly ApprovalListItem[];
  /** Pass it as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface ApprovalRow {
  readonly kind: string;
  readonly record_id: string;
  readonly approval_id: string;
  readonly record_name: string | null;
  readonly event: string;
  readonly mode: ApprovalMode;
  readonly requested_by: string;
  readonly requested_at: string;
  readonly steps: string;
}

const placeholders = (prefix: string, values: readonly string[], parameters: Record<string, string | number>): string =>
  values
    .map((value, index) => {
      parameters[`${prefix}${index}`] = value;
      return `@${prefix}${index}`;
    })
    .join(', ');

/**
 * Pending requests with a step the approver may decide now — a step naming them, or a step of a role they
 * hold that names nobody — never their own request; oldest first, paginated by keyset on
 * (requested at, kind, record, approval).
 */
export const listApprovals = (db: Database, query: ApprovalListQuery): ApprovalPage => {
  requireTables(db, 'approvals', ['approvals', 'approval_waiting', 'approval_records']);
  const limit = pageLimit(query.limit);
  const parameters: Record<string, string | number> = { limit: limit + 1, approver: query.waitingFor.id };
  const byRole = query.waitingFor.roles.length === 0 ? '' : ` OR (w.approver_user IS NULL AND w.approver_role IN (${placeholders('role', query.waitingFor.roles, parameters)}))`;
  const conditions = [
    "a.status = 'pending'",
    'a.requested_by <> @approver',
    `EXISTS (SELECT 1 FROM approval_waiting w
             WHERE w.kind = a.kind AND w.record_id = a.record_id AND w.approval_id = a.approval_id AND (w.approver_user = @approver${byRole}))`,
  ];
  if (query.kind !== undefined) {
    conditions.push('a.kind = @kind');
    parameters['kind'] = query.kind;
  }
  if (query.visibleTo !== undefined) conditions.push(visibleRecordCondition(query.visibleTo, 'r', parameters));
  if (query.cursor !== undefined) {
    const [requestedAt, kind, recordId, approvalId] = decodeCursor(query.cursor, 4);
    conditions.push('(a.requested_at, a.kind, a.record_id, a.approval_id) > (@cursorRequestedAt, @cursorKind, @cursorRecordId, @cursorApprovalId)');
    Object.assign(parameters, { cursorRequestedAt: requestedAt, cursorKind: kind, cursorRecordId: recordId, cursorApprovalId: approvalId });
  }
  const rows = db
    .prepare(
      `SELECT a.*, r.name AS record_name
       FROM approvals a JOIN approval_records r ON r.kind = a.kind AND r.record_id = a.record_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY a.requested_at, a.kind, a.record_id, a.approval_id LIMIT @limit`,
    )
    .all(parameters) as ApprovalRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => {
      const steps = JSON.parse(row.steps) as ApprovalStepState[];
      return {
        approvalId: row.approval_id,
        kind: row.kind,
        recordId: row.record_id,
        recordName: row.record_name,
        event: row.event,
        mode: row.mode,
        requestedBy: row.requested_by,
        requestedAt: row.requested_at,
        steps,
        waitingFor: actionableSteps(row.mode, steps).flatMap((index) => {
          const step = steps[index];
          return step === undefined ? [] : [step.title];
        }),
      };
    }),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.requested_at, last.kind, last.record_id, last.approval_id]) : null,
  };
};

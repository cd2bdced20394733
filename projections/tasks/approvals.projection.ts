import type { Database } from 'better-sqlite3';
import type { ApprovalMode } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ProjectionWriter, TableNames, WriteMode } from '@crm/projection-runtime';
import { ReadModelStorage } from '../shared/read-model-storage';
import type { ApprovalStepState } from '@crm/workflow';
import { asRecordEvent } from '../shared/record-events';
import { RECORD_FACT_TYPES, recordOfStream, workRecordsTable, workRecordsWriter } from './work-records';

export const APPROVALS_PROJECTION = 'approvals';

export const APPROVAL_EVENT_TYPES = ['ApprovalRequested', 'ApprovalGranted', 'ApprovalRejected', 'ApprovalInvalidated'] as const;

/** pending: waiting for approvers; approved: every needed step granted; rejected, invalidated: ended. */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'invalidated';

/**
 * The steps that may be decided now: the first waiting one in a sequence, every waiting one otherwise.
 * The approval chain's own rule (libs/workflow, approvals), which does not export it.
 */
export const actionableSteps = (mode: ApprovalMode, steps: readonly ApprovalStepState[]): number[] => {
  const waiting = steps.flatMap((step, index) => (step.status === 'waiting' ? [index] : []));
  return mode === 'sequential' ? waiting.slice(0, 1) : waiting;
};

const isComplete = (mode: ApprovalMode, steps: readonly ApprovalStepState[]): boolean =>
  mode === 'any' ? steps.some((step) => step.status === 'granted') : steps.every((step) => step.status === 'granted');

interface ApprovalRow {
  readonly kind: string;
  readonly record_id: string;
  readonly approval_id: string;
  readonly event: string;
  readonly mode: ApprovalMode;
  readonly requested_by: string;
  readonly requested_at: string;
  readonly status: ApprovalStatus;
  readonly steps: string;
}

const openWriter = (db: Database, tables: TableNames, mode: WriteMode): ProjectionWriter => {
  const storage = new ReadModelStorage(db, mode);
  // approval_waiting stays on SQL in both modes: few rows, cleared by request rather than by key.
  const waiting = tables('approval_waiting');
  const followRecord = workRecordsWriter(storage, tables('approval_records'));
  const approvals = storage.rows<ApprovalRow>({
    table: tables('approvals'),
    keys: ['kind', 'record_id', 'approval_id'],
    columns: ['event', 'mode', 'requested_by', 'requested_at', 'status', 'steps'],
  });
  const clearWaiting = db.prepare(`DELETE FROM ${waiting} WHERE kind = @kind AND record_id = @record_id AND approval_id = @approval_id`);
  const addWaiting = db.prepare(
    `INSERT INTO ${waiting} (kind, record_id, approval_id, step, approver_role, approver_user)
     VALUES (@kind, @record_id, @approval_id, @step, @approver_role, @approver_user)`,
  );

  type Key = { readonly kind: string; readonly record_id: string; readonly approval_id: string };

  /** The request's status and steps, and who may decide it now (nobody unless it is pending). */
  const save = (key: Key, mode: ApprovalMode, status: ApprovalStatus, steps: readonly ApprovalStepState[]): void => {
    const row = approvals.get(key);
    if (row !== undefined) approvals.update({ ...row, status, steps: JSON.stringify(steps) });
    clearWaiting.run(key);
    if (status !== 'pending') return;
    for (const index of actionableSteps(mode, steps)) {
      const step = steps[index];
      addWaiting.run({ ...key, step: index, approver_role: step?.role ?? null, approver_user: step?.user ?? null });
    }
  };

  const load = (key: Key, stream: string): { readonly mode: ApprovalMode; readonly steps: ApprovalStepState[] } => {
    const row = approvals.get(key);
    if (row === undefined) throw new Error(`approval ${key.approval_id} of ${stream} was never requested`);
    return { mode: row.mode, steps: JSON.parse(row.steps) as ApprovalStepState[] };
  };

  const decide = (steps: readonly ApprovalStepState[], index: number, decision: Pick<ApprovalStepState, 'status' | 'by' | 'at' | 'comment'>): ApprovalStepState[] =>
    steps.map((step, at) => (at === index ? { ...step, ...decision } : step));

  const evolve = (stored: StoredEvent): void => {
    const event = asRecordEvent(stored);
    if (event === null) return;
    const { kind } = recordOfStream(stored.stream);
    if (followRecord(event, kind)) return;
    if (event.type === 'ApprovalRequested') {
      const { recordId, approvalId, mode, requestedBy } = event.data;
      const key = { kind, record_id: recordId, approval_id: approvalId };
      const steps = event.data.steps.map((step): ApprovalStepState => ({ ...step, status: 'waiting', by: null, at: null, comment: null }));
      approvals.insert({ ...key, event: event.data.event, mode, requested_by: requestedBy.id, requested_at: stored.occurredAt, status: 'pending', steps: JSON.stringify(steps) });
      save(key, mode, 'pending', steps);
    }
    if (event.type === 'ApprovalGranted') {
      const key = { kind, record_id: event.data.recordId, approval_id: event.data.approvalId };
      const { mode, steps } = load(key, stored.stream);
      const decided = decide(steps, event.data.step, { status: 'granted', by: event.data.by, at: stored.occurredAt, comment: event.data.comment });
      save(key, mode, isComplete(mode, decided) ? 'approved' : 'pending', decided);
    }
    if (event.type === 'ApprovalRejected') {
      const key = { kind, record_id: event.data.recordId, approval_id: event.data.approvalId };
      const { mode, steps } = load(key, stored.stream);
      save(key, mode, 'rejected', decide(steps, event.data.step, { status: 'rejected', by: event.data.by, at: stored.occurredAt, comment: event.data.reason }));
    }
    if (event.type === 'ApprovalInvalidated') {
      const key = { kind, record_id: event.data.recordId, approval_id: event.data.approvalId };
      const { mode, steps } = load(key, stored.stream);
      save(key, mode, 'invalidated', steps);
    }
  };
  return { evolve, finish: storage.finish };
};

/**
 * Every approval request (`approvals`: status and steps as decided so far) and, for the pending ones,
 * the steps that may be decided now with the role or user each needs (`approval_waiting`), so "what waits
 * for me" is one query. `approval_records` keeps each record's name and owner for the list and the read rule.
 */
export const approvalsProjection = (): Projection => ({
  name: APPROVALS_PROJECTION,
  version: 1,
  eventTypes: [...RECORD_FACT_TYPES, ...APPROVAL_EVENT_TYPES],
  tables: [
    {
      name: 'approvals',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind         TEXT NOT NULL,
          record_id    TEXT NOT NULL,
          approval_id  TEXT NOT NULL,
          event        TEXT NOT NULL,
          mode         TEXT NOT NULL,
          requested_by TEXT NOT NULL,
          requested_at TEXT NOT NULL,
          status       TEXT NOT NULL,
          steps        TEXT NOT NULL,
          PRIMARY KEY (kind, record_id, approval_id)
        )`,
        `CREATE INDEX ${table}__by_status ON ${table} (status, requested_at)`,
      ],
    },
    {
      name: 'approval_waiting',
      create: (table) => [
        `CREATE TABLE ${table} (
          kind          TEXT    NOT NULL,
          record_id     TEXT    NOT NULL,
          approval_id   TEXT    NOT NULL,
          step          INTEGER NOT NULL,
          approver_role TEXT,
          approver_user TEXT,
          PRIMARY KEY (kind, record_id, approval_id, step)
        )`,
        `CREATE INDEX ${table}__by_role ON ${table} (approver_role)`,
        `CREATE INDEX ${table}__by_user ON ${table} (approver_user)`,
      ],
    },
    workRecordsTable('approval_records'),
  ],
  open: openWriter,
});

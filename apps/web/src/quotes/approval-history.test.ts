import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/api-types';
import { approvalRequestsOf } from './approval-history';

let revision = 0;
const entry = (type: string, data: Record<string, unknown>, occurredAt = '2026-03-02T10:00:00.000Z'): HistoryEntry => ({
  id: `${type}-${revision}`,
  type,
  revision: revision++,
  occurredAt,
  metadata: { actor: 'rita' },
  data,
});
const requested = (approvalId: string) =>
  entry('ApprovalRequested', { approvalId, event: 'approve', requestedBy: { id: 'rita', roles: ['rep'] }, mode: 'sequential', steps: [{ title: 'Sales manager', role: 'manager' }, { title: 'Finance (admin)', role: 'admin' }], watches: ['discount'] });

describe('approvals asked and given, from the quote’s history', () => {
  it('given a manager’s grant and an admin still to decide, then the first step is granted by max and the second waits', () => {
    const facts = approvalRequestsOf([requested('a1'), entry('ApprovalGranted', { approvalId: 'a1', step: 0, by: 'max', comment: 'ok for 25%' }, '2026-03-02T11:00:00.000Z')]);
    expect(facts).toEqual([
      {
        approvalId: 'a1',
        event: 'approve',
        requestedBy: 'rita',
        requestedAt: '2026-03-02T10:00:00.000Z',
        steps: [
          { title: 'Sales manager', decision: 'granted', by: 'max', note: 'ok for 25%', at: '2026-03-02T11:00:00.000Z' },
          { title: 'Finance (admin)', decision: 'none', by: null, note: null, at: null },
        ],
        invalidated: null,
      },
    ]);
  });

  it('given a request voided by a repricing and asked again, then both are listed, the first marked voided with the fields that changed', () => {
    const facts = approvalRequestsOf([
      requested('a1'),
      entry('ApprovalInvalidated', { approvalId: 'a1', reason: 'fields_changed', fields: ['discount'] }),
      requested('a2'),
      entry('ApprovalRejected', { approvalId: 'a2', step: 0, by: 'max', reason: 'too deep' }),
    ]);
    expect(facts.map((request) => [request.approvalId, request.invalidated?.fields ?? null, request.steps.map((step) => step.decision)])).toEqual([
      ['a1', ['discount'], ['none', 'none']],
      ['a2', null, ['rejected', 'none']],
    ]);
  });
});

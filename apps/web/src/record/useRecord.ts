import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { HistoryEntry, RecordView } from '../api/api-types';

/** The record as its events say it is now (strongly consistent: read from its stream, not a read model). */
export const useRecord = (kind: string, id: string) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['record', kind, id],
    queryFn: async (): Promise<RecordView> => successOf(api.GET('/records/{kind}/{id}', { params: { path: { kind, id } } })),
  });
};

/** Who did what, when and why: the record's events, oldest first. */
export const useRecordHistory = (kind: string, id: string) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['history', kind, id],
    queryFn: async (): Promise<readonly HistoryEntry[]> =>
      (await successOf(api.GET('/records/{kind}/{id}/history', { params: { path: { kind, id } } }))).events,
  });
};

/** After a write the record's answer replaces the cached one; its history refetches. */
const useRecordWrite = <Input,>(kind: string, id: string, write: (input: Input) => Promise<{ record: RecordView }>) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: ({ record }) => {
      queries.setQueryData(['record', kind, id], record);
      void queries.invalidateQueries({ queryKey: ['history', kind, id] });
      void queries.invalidateQueries({ queryKey: ['tasks'] });
      void queries.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
};

export const useUpdateFields = (kind: string, id: string) => {
  const api = useApiClient();
  return useRecordWrite(kind, id, (input: { fields: Record<string, string | number | boolean | null>; expectedRevision: number }) =>
    successOf(api.PATCH('/records/{kind}/{id}', { params: { path: { kind, id } }, body: input })),
  );
};

export const useCompleteTask = (kind: string, id: string) => {
  const api = useApiClient();
  return useRecordWrite(kind, id, (taskId: string) =>
    successOf(api.POST('/records/{kind}/{id}/tasks/{taskId}/complete', { params: { path: { kind, id, taskId } }, body: {} })),
  );
};

export const useDecideApproval = (kind: string, id: string) => {
  const api = useApiClient();
  return useRecordWrite(kind, id, ({ approvalId, decision, text }: { approvalId: string; decision: 'grant' | 'reject'; text: string }) =>
    decision === 'grant'
      ? successOf(api.POST('/records/{kind}/{id}/approvals/{approvalId}/grant', { params: { path: { kind, id, approvalId } }, body: text === '' ? {} : { comment: text } }))
      : successOf(api.POST('/records/{kind}/{id}/approvals/{approvalId}/reject', { params: { path: { kind, id, approvalId } }, body: { reason: text } })),
  );
};

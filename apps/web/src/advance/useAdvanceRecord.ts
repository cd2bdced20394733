import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { ApiRefusal, successOf } from '../api/api-refusal';
import type { RecordView, UnmetCriterion } from '../api/api-types';

export interface AdvanceRequest {
  readonly kind: string;
  readonly recordId: string;
  readonly event: string;
  /** Values supplied with the step (they count before its criteria are judged). */
  readonly fields?: Readonly<Record<string, string | number | boolean>>;
}

export interface Advanced {
  readonly record: RecordView;
  /** True when the step waits for approvers (202): the record has not moved yet. */
  readonly awaitingApproval: boolean;
}

/** The unmet criteria of a refused transition (422 TRANSITION_REFUSED, `details.unmet`); null for other refusals. */
export const unmetOf = (error: unknown): readonly UnmetCriterion[] | null => {
  if (!(error instanceof ApiRefusal) || error.code !== 'TRANSITION_REFUSED') return null;
  const unmet = error.body.details['unmet'];
  return Array.isArray(unmet) ? (unmet as UnmetCriterion[]) : null;
};

/** Fires a guarded transition; the API judges it (and answers what blocks it when it refuses). */
export const useAdvanceRecord = () => {
  const api = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, recordId, event, fields }: AdvanceRequest): Promise<Advanced> => {
      const call = api.POST('/records/{kind}/{id}/transitions', {
        params: { path: { kind, id: recordId } },
        body: { event, ...(fields === undefined ? {} : { fields }) },
      });
      const { response } = await call;
      const answer = await successOf(call);
      return { record: answer.record, awaitingApproval: response.status === 202 };
    },
    onSuccess: ({ record }) => {
      queries.setQueryData(['record', record.kind, record.id], record);
      void queries.invalidateQueries({ queryKey: ['history', record.kind, record.id] });
    },
  });
};

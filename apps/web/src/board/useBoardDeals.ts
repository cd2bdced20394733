import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CrmApiClient } from '@crm/api-client';
import { useApiClient } from '../api/api-client';
import { ApiRefusal, successOf } from '../api/api-refusal';
import type { RecordListItem, RecordView } from '../api/api-types';

const PAGE = 500;

/** Every record of a stage the user may read, page after page (the list answers at most 500 at once). */
const dealsInStage = async (api: CrmApiClient, kind: string, stage: string): Promise<RecordListItem[]> => {
  const items: RecordListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await successOf(api.GET('/records/{kind}', { params: { path: { kind }, query: { stage, limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
};

export const boardDealsKey = (kind: string) => ['board', kind, 'deals'] as const;

/** The open deals of the board: the records list, one stage at a time, the stages fetched side by side. */
export const useBoardDeals = (kind: string, stages: readonly string[] | undefined) => {
  const api = useApiClient();
  return useQuery({
    queryKey: boardDealsKey(kind),
    enabled: stages !== undefined,
    queryFn: async () => (await Promise.all((stages ?? []).map((stage) => dealsInStage(api, kind, stage)))).flat(),
  });
};

const listItemOf = (record: RecordView): RecordListItem => ({
  kind: record.kind,
  recordId: record.id,
  stage: record.stage,
  owner: record.owner,
  name: typeof record.fields['name'] === 'string' ? record.fields['name'] : null,
  fields: record.fields,
  openedAt: record.openedAt,
  updatedAt: record.updatedAt,
  conforming: true,
});

/**
 * Puts a record as the API now answers it onto the board (or takes it off: closed, or no longer readable),
 * without reloading the 2,000 others. Used after the user's own writes and for others' live changes.
 */
export const usePlaceOnBoard = (kind: string) => {
  const api = useApiClient();
  const queries = useQueryClient();
  const place = useCallback(
    (record: RecordView | { readonly id: string; readonly gone: true }) => {
      queries.setQueryData<RecordListItem[]>(boardDealsKey(kind), (items) => {
        if (items === undefined) return items;
        const others = items.filter((item) => item.recordId !== record.id);
        if ('gone' in record || record.final) return others;
        const index = items.findIndex((item) => item.recordId === record.id);
        const placed = listItemOf(record);
        return index < 0 ? [...items, placed] : items.map((item) => (item.recordId === record.id ? placed : item));
      });
    },
    [queries, kind],
  );
  const refresh = useCallback(
    async (recordId: string): Promise<RecordView | null> => {
      try {
        const record = await successOf(api.GET('/records/{kind}/{id}', { params: { path: { kind, id: recordId } } }));
        place(record);
        return record;
      } catch (error) {
        if (error instanceof ApiRefusal && error.status === 404) {
          place({ id: recordId, gone: true });
          return null;
        }
        throw error;
      }
    },
    [api, kind, place],
  );
  return { place, refresh };
};

import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { RecordListItem } from '../api/api-types';

const PAGE = 500;

/**
 * The subscriptions of an account the user may read. The records list has no filter by a field's value,
 * so every subscription is read, page after page, and those naming the account are kept.
 * TODO: a field filter on GET /records/{kind} (account=…) would spare reading every subscription.
 */
export const useAccountSubscriptions = (accountId: string) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['records', 'subscription', 'account', accountId],
    queryFn: async (): Promise<RecordListItem[]> => {
      const items: RecordListItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await successOf(api.GET('/records/{kind}', { params: { path: { kind: 'subscription' }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
        items.push(...page.items.filter((item) => item.fields['account'] === accountId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return items;
    },
  });
};

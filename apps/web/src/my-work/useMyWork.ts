import { useQuery } from '@tanstack/react-query';
import type { CrmApiClient } from '@crm/api-client';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { WaitingApproval, WorkTask } from '../api/api-types';
import { byUrgency } from './work-lists';

const PAGE = 500;

const allTasks = async (api: CrmApiClient): Promise<WorkTask[]> => {
  const items: WorkTask[] = [];
  let cursor: string | undefined;
  do {
    const page = await successOf(api.GET('/tasks', { params: { query: { owner: 'me', status: 'open', limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
};

const allWaitingApprovals = async (api: CrmApiClient): Promise<WaitingApproval[]> => {
  const items: WaitingApproval[] = [];
  let cursor: string | undefined;
  do {
    const page = await successOf(api.GET('/approvals', { params: { query: { waitingFor: 'me', limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
};

/** My open tasks, overdue first (the tasks read model). */
export const useMyTasks = () => {
  const api = useApiClient();
  return useQuery({ queryKey: ['tasks', 'me', 'open'], queryFn: async () => (await allTasks(api)).sort(byUrgency) });
};

/** Approval requests with a step I may decide now. */
export const useApprovalsWaitingForMe = () => {
  const api = useApiClient();
  return useQuery({ queryKey: ['approvals', 'waiting-for-me'], queryFn: () => allWaitingApprovals(api) });
};

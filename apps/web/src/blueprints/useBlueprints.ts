import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { BlueprintSummary } from '../api/api-types';

/** Every blueprint with its published versions. */
export const useBlueprintList = () => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['blueprints', 'list'],
    queryFn: (): Promise<readonly BlueprintSummary[]> => successOf(api.GET('/blueprints')),
  });
};

/**
 * Publishes a draft through the API's every start-up check (process owners and admins); the engine uses
 * it for new records at once, so the blueprint list is read again.
 */
export const usePublishBlueprint = () => {
  const api = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (source: string) => successOf(api.POST('/blueprints', { body: { source } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['blueprints'] }),
  });
};

import { useQuery } from '@tanstack/react-query';
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

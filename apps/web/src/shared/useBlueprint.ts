import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { BlueprintDetail } from '../api/api-types';

/** The blueprint governing a kind (its newest version unless one is asked for): stages, transitions, fields. */
export const useBlueprint = (id: string, version?: number) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['blueprints', id, version ?? 'latest'],
    queryFn: (): Promise<BlueprintDetail> =>
      successOf(api.GET('/blueprints/{id}', { params: { path: { id }, query: version === undefined ? {} : { version } } })),
    staleTime: Infinity,
  });
};

import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { PipelineReport } from '../api/api-types';

/**
 * The pipeline read model now: column figures by stage, owner and team, and, with `stalledAfterDays=0`,
 * every open deal the user may read with its days in stage and whether its blueprint found it stalled.
 */
export const useBoardPipeline = (kind: string) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['pipeline', kind, 'board'],
    queryFn: (): Promise<PipelineReport> => successOf(api.GET('/pipeline', { params: { query: { kind, stalledAfterDays: 0 } } })),
  });
};

import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { AccuracyReport, ForecastReport, FunnelReport, PipelineReport } from '../api/api-types';

/** Every analytics query takes the one as-of moment of the page; undefined is now. */
export interface AsOf {
  readonly asOf: string | undefined;
}

const asOfQuery = (asOf: string | undefined) => (asOf === undefined ? {} : { asOf });

export const useFunnel = ({ asOf, by, kind }: AsOf & { readonly by: string | undefined; readonly kind: string }) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['funnel', kind, by ?? 'all', asOf ?? 'now'],
    queryFn: (): Promise<FunnelReport> => successOf(api.GET('/funnel', { params: { query: { kind, ...asOfQuery(asOf), ...(by === undefined ? {} : { by }) } } })),
  });
};

export const useForecast = ({ asOf, groupBy, kind }: AsOf & { readonly groupBy: 'owner' | 'team' | 'total'; readonly kind: string }) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['forecast', kind, groupBy, asOf ?? 'now'],
    queryFn: (): Promise<ForecastReport> => successOf(api.GET('/forecast', { params: { query: { kind, groupBy, periodKind: 'quarter', ...asOfQuery(asOf) } } })),
  });
};

export const useForecastAccuracy = ({ asOf, kind }: AsOf & { readonly kind: string }) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['forecast', kind, 'accuracy', asOf ?? 'now'],
    queryFn: (): Promise<AccuracyReport> => successOf(api.GET('/forecast/accuracy', { params: { query: { kind, periodKind: 'quarter', ...asOfQuery(asOf) } } })),
  });
};

export const usePipelineAsOf = ({ asOf, kind }: AsOf & { readonly kind: string }) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['pipeline', kind, 'analytics', asOf ?? 'now'],
    queryFn: (): Promise<PipelineReport> => successOf(api.GET('/pipeline', { params: { query: { kind, ...asOfQuery(asOf) } } })),
  });
};

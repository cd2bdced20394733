import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { AccuracyReport, ForecastReport, FunnelReport, PipelineReport, SalesAnalyticsReport } from '../api/api-types';

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

/** The dimensions sales analytics group by (README, Sales analytics). */
export const SALES_DIMENSIONS = ['owner', 'team', 'region', 'product', 'source', 'account', 'blueprintVersion', 'outcome', 'origin', 'cohort'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

/** Win rate, cycle, deal size, velocity, coverage, aging, slippage… of the quarter containing the page's moment. */
export const useSalesAnalytics = ({ asOf, by, kind }: AsOf & { readonly by: SalesDimension | undefined; readonly kind: string }) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['analytics', 'sales', kind, by ?? 'total', asOf ?? 'now'],
    queryFn: async (): Promise<SalesAnalyticsReport> => {
      const body = await successOf(api.GET('/analytics/sales', { params: { query: { kind, format: 'json', ...asOfQuery(asOf), ...(by === undefined ? {} : { by }) } } }));
      // The route also answers CSV (format=csv); asked for JSON, text would be a broken answer, not a report.
      if (typeof body === 'string') throw new Error('GET /analytics/sales answered text where JSON was asked for');
      return body;
    },
  });
};

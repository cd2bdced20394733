import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import type { Catalog, PriceQuoteRequest, QuoteLines } from '../api/api-types';

/**
 * A quote version's priced lines and every version the quote has had (read from the quote's stream).
 * Keyed under the record, so a live change of the quote refetches it with the record.
 */
export const useQuoteLines = (kind: string, id: string, version: number | null) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['record', kind, id, 'lines', version ?? 'current'],
    queryFn: (): Promise<QuoteLines> =>
      successOf(api.GET('/records/{kind}/{id}/lines', { params: { path: { kind, id }, query: version === null ? {} : { version } } })),
  });
};

/** What lines can be priced from: products, price book versions, tax regions. */
export const useCatalog = (enabled: boolean) => {
  const api = useApiClient();
  return useQuery({
    queryKey: ['catalog'],
    enabled,
    queryFn: (): Promise<Catalog> => successOf(api.GET('/catalog', {})),
    // The catalog is read from files when the API starts: it does not change while it runs.
    staleTime: Infinity,
  });
};

/** Replaces the draft version's lines; the API prices them (or refuses, storing nothing). */
export const usePriceQuote = (kind: string, id: string) => {
  const api = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (request: PriceQuoteRequest) => successOf(api.PUT('/records/{kind}/{id}/lines', { params: { path: { kind, id } }, body: request })),
    onSuccess: ({ record }) => {
      queries.setQueryData(['record', kind, id], record);
      void queries.invalidateQueries({ queryKey: ['record', kind, id, 'lines'] });
      void queries.invalidateQueries({ queryKey: ['history', kind, id] });
      void queries.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
};

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type StockRow = components['schemas']['StockRow'];

export const aidStockQueryOptions = queryOptions({
  queryKey: aidKeys.stock(),
  queryFn: async () => unwrap(await api.GET('/api/v1/aids/stock')),
});

/** The stock per type: available, on loan, in repair, waiting, and who is next. */
export function useAidStock() {
  return useQuery(aidStockQueryOptions);
}

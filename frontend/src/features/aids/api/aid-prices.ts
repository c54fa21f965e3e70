import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type AidPriceView = components['schemas']['AidPriceView'];

export const aidPricesQueryOptions = queryOptions({
  queryKey: aidKeys.prices(),
  queryFn: async () => unwrap(await api.GET('/api/v1/aids/prices')),
  staleTime: 10 * 60_000,
});

/** The one-time fees and refunds of the types with a fee, with their dates (R-FEE-10, R-FEE-11). */
export function useAidPrices() {
  return useQuery(aidPricesQueryOptions);
}

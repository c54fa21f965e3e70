import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export const serviceTypesQueryOptions = queryOptions({
  queryKey: ['service-types'],
  queryFn: async () => unwrap(await api.GET('/api/v1/service-types')),
  staleTime: 10 * 60_000,
});

/** The municipality's service catalogue. */
export function useServiceTypes() {
  return useQuery(serviceTypesQueryOptions);
}

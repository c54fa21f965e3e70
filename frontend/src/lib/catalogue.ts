import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The service catalogue's query key: the catalogue page invalidates it after an edit. */
export const serviceTypeKeys = {
  all: ['service-types'] as const,
};

export const serviceTypesQueryOptions = queryOptions({
  queryKey: serviceTypeKeys.all,
  queryFn: async () => unwrap(await api.GET('/api/v1/service-types')),
  staleTime: 10 * 60_000,
});

/** The municipality's service catalogue. */
export function useServiceTypes() {
  return useQuery(serviceTypesQueryOptions);
}

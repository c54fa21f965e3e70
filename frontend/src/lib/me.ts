import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
});

/** The logged-in account. */
export function useMe() {
  return useQuery(meQueryOptions);
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export const organisationQueryOptions = queryOptions({
  queryKey: ['organisation'],
  queryFn: async () => unwrap(await api.GET('/api/v1/organisation')),
  staleTime: 10 * 60_000,
});

/** The municipality, its elderships and institutions. */
export function useOrganisation() {
  return useQuery(organisationQueryOptions);
}

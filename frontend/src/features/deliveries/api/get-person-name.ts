import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { deliveryKeys } from '../keys';

export function personNameQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...deliveryKeys.person(id), 'name'] as const,
    queryFn: async () => {
      const file = unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id }, header: { 'X-Purpose': 'service_delivery' } } }));
      return `${file.person.first_name} ${file.person.last_name}`;
    },
    staleTime: 10 * 60_000,
  });
}

/** The name of the person served (the read is recorded with the purpose `service_delivery`). */
export function usePersonName(id: string | null | undefined) {
  return useQuery({ ...personNameQueryOptions(id ?? ''), enabled: Boolean(id) });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { personKeys } from '../keys';

export function personQueryOptions(id: string) {
  return queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id }, header: { 'X-Purpose': 'person_file' } } })),
  });
}

/** A person's file (the read is audited). */
export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}

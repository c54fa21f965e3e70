import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { personKeys } from '../keys';

export function personQueryOptions(id: string, purpose: Purpose) {
  return queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id }, header: { 'X-Purpose': purpose } } })),
  });
}

/** A person's file (the read is audited with the reader's purpose). */
export function usePerson(id: string) {
  const me = useMe();
  return useQuery({ ...personQueryOptions(id, purposeFor(me.data?.roles)), enabled: Boolean(me.data) && id !== '' });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { applicationKeys } from '../keys';

export function applicationQueryOptions(id: string, purpose: Purpose) {
  return queryOptions({
    queryKey: applicationKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id }, header: { 'X-Purpose': purpose } } })),
  });
}

/** One application (the read is audited with the reader's purpose). */
export function useApplication(id: string) {
  const me = useMe();
  return useQuery({ ...applicationQueryOptions(id, purposeFor(me.data?.roles)), enabled: Boolean(me.data) });
}

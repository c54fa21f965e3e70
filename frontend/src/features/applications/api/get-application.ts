import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { applicationKeys } from '../keys';

export function applicationQueryOptions(id: string) {
  return queryOptions({
    queryKey: applicationKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
}

/** One application (the read is audited). */
export function useApplication(id: string) {
  return useQuery(applicationQueryOptions(id));
}

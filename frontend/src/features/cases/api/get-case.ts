import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { caseKeys } from '../keys';

export type CaseView = components['schemas']['CaseView'];

export function caseQueryOptions(id: string) {
  return queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cases/{id}', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } })),
  });
}

/** A case's file: family, children, team, what is due (the read is recorded with the purpose `case_management`). */
export function useCase(id: string) {
  const me = useMe();
  return useQuery({ ...caseQueryOptions(id), enabled: Boolean(me.data) && id !== '' });
}

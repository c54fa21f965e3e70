import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { caseKeys } from '../keys';

export type Caseloads = components['schemas']['Caseloads'];

export const caseloadsQueryOptions = queryOptions({
  queryKey: caseKeys.caseloads(),
  queryFn: async () => unwrap(await api.GET('/api/v1/cases/caseloads')),
});

/** Each case manager's open and overdue cases, and the cases waiting for a team (the heads' view of the municipality). */
export function useCaseloads() {
  const me = useMe();
  return useQuery({ ...caseloadsQueryOptions, enabled: Boolean(me.data) });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { reportKeys } from '../keys';

export type OverdueReport = components['schemas']['OverdueReport'];

/** Why the overdue list is read: supervision of the division's work (recorded). */
export const OVERDUE_PURPOSE = 'supervision' as const;

export function overdueQueryOptions() {
  return queryOptions({
    queryKey: reportKeys.overdue(),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reports/overdue', { params: { header: { 'X-Purpose': OVERDUE_PURPOSE } } })),
  });
}

/** R-REP-3: the decisions overdue today (the read names people and is recorded). */
export function useOverdue() {
  return useQuery(overdueQueryOptions());
}

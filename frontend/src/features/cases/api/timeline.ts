import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type TimelineItem = components['schemas']['TimelineItem'];

export const timelineQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'timeline'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } }),
      ).items,
  });

/** Everything that happened in a case, newest first. */
export function useTimeline(id: string) {
  return useQuery(timelineQueryOptions(id));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type MeetingView = components['schemas']['MeetingView'];

export const meetingsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'meetings'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/meetings', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } }),
      ).items,
  });

/** The case meetings, newest first. */
export function useMeetings(id: string) {
  return useQuery(meetingsQueryOptions(id));
}

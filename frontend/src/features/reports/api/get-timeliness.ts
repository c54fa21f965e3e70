import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { reportKeys } from '../keys';

export type TimelinessReport = components['schemas']['TimelinessReport'];
export type TimelinessMonth = components['schemas']['TimelinessMonth'];

export function timelinessQueryOptions(from: string, to: string) {
  return queryOptions({
    queryKey: reportKeys.timeliness(from, to),
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/timeliness', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
}

/** R-REP-3: the share of decisions signed by their due date, per service type and month. */
export function useTimeliness(from: string, to: string) {
  return useQuery(timelinessQueryOptions(from, to));
}

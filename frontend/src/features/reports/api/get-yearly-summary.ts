import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { reportKeys } from '../keys';

export type YearlySummary = components['schemas']['YearlySummary'];

export function yearlySummaryQueryOptions(year: number) {
  return queryOptions({
    queryKey: reportKeys.summary(year),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reports/yearly-summary', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

/** R-REP-1: distinct recipients per service type, children and adults apart, with the year before. */
export function useYearlySummary(year: number) {
  return useQuery(yearlySummaryQueryOptions(year));
}

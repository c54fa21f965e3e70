import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { reportKeys } from '../keys';

export type WaitingReport = components['schemas']['WaitingReport'];

export function waitingQueryOptions(from: string, to: string) {
  return queryOptions({
    queryKey: reportKeys.waiting(from, to),
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/waiting', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
}

/** R-REP-2: waiting times (median, maximum) and month-end queue lengths. */
export function useWaiting(from: string, to: string) {
  return useQuery(waitingQueryOptions(from, to));
}

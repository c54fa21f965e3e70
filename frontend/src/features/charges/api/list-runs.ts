import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { chargeKeys } from '../keys';

export type ChargeRunView = components['schemas']['ChargeRunView'];
export type RunStatus = components['schemas']['RunStatus'];

export const RUNS_PER_PAGE = 10;

export function runsQueryOptions(page: number) {
  return queryOptions({
    queryKey: chargeKeys.runs(page),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/charge-runs', { params: { query: { page, per_page: RUNS_PER_PAGE } } })),
    placeholderData: keepPreviousData,
  });
}

/** The municipality's charge runs, newest first. */
export function useChargeRuns(page: number) {
  return useQuery(runsQueryOptions(page));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { chargeKeys } from '../keys';

export type ChargeDifference = components['schemas']['ChargeDifference'];

export function runDifferencesQueryOptions(id: string) {
  return queryOptions({
    queryKey: chargeKeys.differences(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/charge-runs/{id}/differences', { params: { path: { id } } })),
  });
}

/** The people whose totals changed since the run before (a re-run after a correction). */
export function useRunDifferences(id: string, enabled: boolean) {
  return useQuery({ ...runDifferencesQueryOptions(id), enabled });
}

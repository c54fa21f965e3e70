import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type PlanVersionDetail = components['schemas']['PlanVersionDetail'];

export const planVersionQueryOptions = (id: string, number: number) =>
  queryOptions({
    queryKey: caseKeys.planVersion(id, number),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/plan/versions/{number}', {
          params: { path: { id, number }, header: { 'X-Purpose': 'case_management' } },
        }),
      ),
  });

/** One version of the plan with what changed since the one before; only when `number` is set. */
export function usePlanVersion(id: string, number: number | null) {
  return useQuery({ ...planVersionQueryOptions(id, number ?? 0), enabled: number !== null });
}

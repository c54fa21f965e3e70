import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type PlanView = components['schemas']['PlanView'];
export type PlanVersionView = components['schemas']['PlanVersionView'];
export type ActionView = components['schemas']['ActionView'];

export const planQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'plan'),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/cases/{id}/plan', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } })),
  });

/** The help plan: the agreed version, the draft, and every version's number. */
export function usePlan(id: string) {
  return useQuery(planQueryOptions(id));
}

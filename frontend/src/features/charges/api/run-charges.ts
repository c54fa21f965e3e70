import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { chargeKeys } from '../keys';

export type ChargeLineView = components['schemas']['ChargeLineView'];

export const LINES_PER_PAGE = 25;

export function runChargesQueryOptions(id: string, page: number) {
  return queryOptions({
    queryKey: chargeKeys.lines(id, page),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/charge-runs/{id}/charges', {
          params: { path: { id }, query: { page, per_page: LINES_PER_PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A page of a finished run's charge lines, by person. */
export function useRunCharges(id: string, page: number, enabled: boolean) {
  return useQuery({ ...runChargesQueryOptions(id, page), enabled });
}

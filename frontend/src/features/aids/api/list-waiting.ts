import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';
import type { AidType } from './list-aids';

export type WaitingView = components['schemas']['WaitingView'];

export const WAITING_PER_PAGE = 25;

export function waitingQueryOptions(aidType: AidType | null, page: number) {
  return queryOptions({
    queryKey: aidKeys.waiting({ aidType, page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/aids/waiting', {
          params: { query: { aid_type: aidType ?? undefined, page, per_page: WAITING_PER_PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Those waiting for a type out of stock, by type and position. */
export function useWaiting(aidType: AidType | null, page: number) {
  return useQuery(waitingQueryOptions(aidType, page));
}

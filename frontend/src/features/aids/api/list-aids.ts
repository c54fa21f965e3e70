import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type AidItemView = components['schemas']['AidItemView'];
export type AidType = components['schemas']['AidType'];
export type AidStatus = components['schemas']['AidStatus'];
export type AidCondition = components['schemas']['AidCondition'];
export type Newness = components['schemas']['Newness'];

export const AIDS_PER_PAGE = 25;

export interface AidFilter {
  aidType: AidType | null;
  status: AidStatus | null;
  page: number;
}

export function aidsQueryOptions(f: AidFilter) {
  return queryOptions({
    queryKey: aidKeys.items({ aidType: f.aidType, status: f.status, page: f.page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/aids', {
          params: {
            query: { aid_type: f.aidType ?? undefined, status: f.status ?? undefined, page: f.page, per_page: AIDS_PER_PAGE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The inventory, by type and serial number. */
export function useAids(filter: AidFilter) {
  return useQuery(aidsQueryOptions(filter));
}

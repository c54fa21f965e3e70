import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { placeKeys } from '../keys';
import type { PlaceKind } from './list-facilities';

export type StayDetail = components['schemas']['StayDetail'];

export interface StayFilter {
  facilityId: string | null;
  placeKind: PlaceKind | null;
  open: boolean;
}

/**
 * The first page of 100 stays (the largest the API gives): enough for a
 * facility's open stays, which its places limit.
 */
export function staysQueryOptions(filter: StayFilter) {
  return queryOptions({
    queryKey: placeKeys.stays({ facilityId: filter.facilityId, placeKind: filter.placeKind, open: filter.open }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/stays', {
          params: {
            query: {
              facility_id: filter.facilityId ?? undefined,
              place_kind: filter.placeKind ?? undefined,
              open: filter.open,
              per_page: 100,
            },
          },
        }),
      ),
  });
}

/** Stays with the people's names; the shelter's with the SP-8 clock (R-DL-5). */
export function useStays(filter: StayFilter) {
  const me = useMe();
  return useQuery({ ...staysQueryOptions(filter), enabled: Boolean(me.data) });
}

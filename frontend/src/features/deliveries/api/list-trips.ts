import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { deliveryKeys } from '../keys';

export type TripView = components['schemas']['TripView'];
export type TripStatus = components['schemas']['TripStatus'];
export type TripPurpose = components['schemas']['TripPurpose'];
export type DestinationKind = components['schemas']['DestinationKind'];

export interface TripFilter {
  personId: string | null;
  status: TripStatus | null;
  page: number;
}

export function tripsQueryOptions(filter: TripFilter) {
  return queryOptions({
    queryKey: deliveryKeys.trips({ person: filter.personId, status: filter.status, page: filter.page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/trips', {
          params: { query: { person_id: filter.personId ?? undefined, status: filter.status ?? undefined, page: filter.page, per_page: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Trip requests, newest first. */
export function useTrips(filter: TripFilter) {
  const me = useMe();
  return useQuery({ ...tripsQueryOptions(filter), enabled: Boolean(me.data) });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { placeKeys } from '../keys';

export type FacilityView = components['schemas']['FacilityView'];
export type PlaceView = components['schemas']['PlaceView'];
export type PlaceKind = components['schemas']['PlaceKind'];

export function facilitiesQueryOptions() {
  return queryOptions({
    queryKey: placeKeys.facilities(),
    queryFn: async () => unwrap(await api.GET('/api/v1/facilities')),
  });
}

/** The municipality's facilities, each kind of place with capacity, occupied, offered, free and waiting today. */
export function useFacilities() {
  const me = useMe();
  return useQuery({ ...facilitiesQueryOptions(), enabled: Boolean(me.data) });
}

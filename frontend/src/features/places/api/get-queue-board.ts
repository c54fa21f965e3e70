import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { placeKeys } from '../keys';
import type { PlaceKind } from './list-facilities';

export type QueueBoard = components['schemas']['QueueBoard'];
export type BoardEntry = components['schemas']['BoardEntry'];
export type BoardOffer = components['schemas']['BoardOffer'];
export type StayView = components['schemas']['StayView'];

export function queueBoardQueryOptions(facilityId: string, placeKind: PlaceKind, purpose: Purpose) {
  return queryOptions({
    queryKey: placeKeys.board(facilityId, placeKind),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/facilities/{id}/queue', {
          params: { path: { id: facilityId }, query: { place_kind: placeKind }, header: { 'X-Purpose': purpose } },
        }),
      ),
  });
}

/** A queue's board: who waits (with the expected wait), the offers holding places, the stays (the read is recorded). */
export function useQueueBoard(facilityId: string, placeKind: PlaceKind) {
  const me = useMe();
  return useQuery({ ...queueBoardQueryOptions(facilityId, placeKind, purposeFor(me.data?.roles)), enabled: Boolean(me.data) });
}

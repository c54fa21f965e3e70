import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { placeKeys } from '../keys';

export type QueueEntryDetail = components['schemas']['QueueEntryDetail'];
export type PositionEventView = components['schemas']['PositionEventView'];
export type QueueEntryView = components['schemas']['QueueEntryView'];

export function queueEntryQueryOptions(id: string, purpose: Purpose) {
  return queryOptions({
    queryKey: placeKeys.entry(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/queue-entries/{id}', { params: { path: { id }, header: { 'X-Purpose': purpose } } })),
  });
}

/** A queue entry with every change of its position and its cause (the read is recorded). */
export function useQueueEntry(id: string | null) {
  const me = useMe();
  return useQuery({
    ...queueEntryQueryOptions(id ?? '', purposeFor(me.data?.roles)),
    enabled: Boolean(me.data) && Boolean(id),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { can } from '@/lib/roles';
import { placeKeys } from '../keys';

export type PersonQueueEntry = components['schemas']['PersonQueueEntry'];

export function personQueueEntriesQueryOptions(personId: string, purpose: Purpose) {
  return queryOptions({
    queryKey: placeKeys.person(personId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons/{id}/queue-entries', {
          params: { path: { id: personId }, header: { 'X-Purpose': purpose } },
        }),
      ),
  });
}

/** A person's places in queues, waiting first, each with its history (the read is recorded); only for those who read places. */
export function usePersonQueueEntries(personId: string) {
  const me = useMe();
  return useQuery({
    ...personQueueEntriesQueryOptions(personId, purposeFor(me.data?.roles)),
    enabled: can(me.data, 'read_places'),
  });
}

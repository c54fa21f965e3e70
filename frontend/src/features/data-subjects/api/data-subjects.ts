import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { dataSubjectKeys } from '../keys';

export type DataSubjectAccess = components['schemas']['DataSubjectAccess'];
export type SubjectPerson = components['schemas']['PersonView'];

/** People found by name or personal code (the lookup is recorded). */
export function subjectSearchOptions(q: string) {
  return queryOptions({
    queryKey: dataSubjectKeys.search(q),
    queryFn: async () => unwrap(await api.GET('/api/v1/data-subjects', { params: { query: { q } } })),
    enabled: q.trim() !== '',
    staleTime: Infinity,
  });
}

export function useSubjectSearch(q: string) {
  return useQuery(subjectSearchOptions(q));
}

const LIMIT = 50;

/** Who read or changed the person's data in the period, newest first ("load more" follows `next_cursor`). */
export function accessesOptions(personId: string, from: string | null, to: string | null) {
  return infiniteQueryOptions({
    queryKey: dataSubjectKeys.accesses(personId, from, to),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/data-subjects/{id}/accesses', {
          params: {
            path: { id: personId },
            query: { from: from ?? undefined, to: to ?? undefined, cursor: pageParam ?? undefined, limit: LIMIT },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useAccesses(personId: string, from: string | null, to: string | null) {
  return useInfiniteQuery(accessesOptions(personId, from, to));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { personKeys } from '../keys';

export interface PersonSearch {
  q: string;
  personalCode: string;
  page: number;
}

export const PER_PAGE = 20;

export function searchPersonsQueryOptions(search: PersonSearch, purpose: Purpose) {
  return queryOptions({
    queryKey: personKeys.search(search),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons', {
          params: {
            query: {
              q: search.q || undefined,
              personal_code: search.personalCode || undefined,
              page: search.page,
              per_page: PER_PAGE,
            },
            header: { 'X-Purpose': purpose },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** People matching a search (recorded with the reader's purpose: the results show personal codes). */
export function useSearchPersons(search: PersonSearch) {
  const me = useMe();
  return useQuery({ ...searchPersonsQueryOptions(search, purposeFor(me.data?.roles)), enabled: Boolean(me.data) });
}

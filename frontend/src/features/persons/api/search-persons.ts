import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { personKeys } from '../keys';

export interface PersonSearch {
  q: string;
  personalCode: string;
  page: number;
}

export const PER_PAGE = 20;

export function searchPersonsQueryOptions(search: PersonSearch) {
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
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSearchPersons(search: PersonSearch) {
  return useQuery(searchPersonsQueryOptions(search));
}

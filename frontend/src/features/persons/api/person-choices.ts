import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { personKeys } from '../keys';

export function personChoicesQueryOptions(q: string) {
  return queryOptions({
    queryKey: personKeys.choices(q),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, per_page: 10 }, header: { 'X-Purpose': 'intake' } } })).items,
    placeholderData: keepPreviousData,
  });
}

/** People matching `q` (two letters at least), for choosing the applicant. */
export function usePersonChoices(q: string) {
  return useQuery({ ...personChoicesQueryOptions(q), enabled: q.trim().length >= 2 });
}

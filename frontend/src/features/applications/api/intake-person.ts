import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The person an application is received for (the read is audited as intake). */
export function useIntakePerson(id: string | null) {
  return useQuery({
    queryKey: ['person', id, 'intake'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons/{id}', {
          params: { path: { id: id ?? '' }, header: { 'X-Purpose': 'intake' } },
        }),
      ).person,
    enabled: Boolean(id),
  });
}

/** People matching `q`, for choosing the applicant. */
export function usePersonChoices(q: string) {
  return useQuery({
    queryKey: ['persons', 'choices', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, per_page: 10 } } })).items,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { personKeys } from '../keys';

export function intakePersonQueryOptions(id: string) {
  return queryOptions({
    queryKey: personKeys.intake(id),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons/{id}', {
          params: { path: { id }, header: { 'X-Purpose': 'intake' } },
        }),
      ).person,
  });
}

/** The person an application is received for (the read is audited as intake). */
export function useIntakePerson(id: string | null) {
  return useQuery({ ...intakePersonQueryOptions(id ?? ''), enabled: Boolean(id) });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { applicationKeys } from '../keys';

export function eligibilityQueryOptions(personId: string, serviceCode: string) {
  return queryOptions({
    queryKey: applicationKeys.eligibility(personId, serviceCode),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons/{id}/eligibility', {
          params: { path: { id: personId }, query: { service_code: serviceCode }, header: { 'X-Purpose': 'intake' } },
        }),
      ),
  });
}

/** Eligibility hints for a person and a service. */
export function useEligibility(personId: string | null, serviceCode: string | null) {
  return useQuery({
    ...eligibilityQueryOptions(personId ?? '', serviceCode ?? ''),
    enabled: Boolean(personId && serviceCode),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor, type Purpose } from '@/lib/purpose';
import { chargeKeys } from '../keys';

export type PersonChargeMonth = components['schemas']['PersonChargeMonth'];

export function personChargesQueryOptions(personId: string, purpose: Purpose) {
  return queryOptions({
    queryKey: chargeKeys.person(personId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/persons/{id}/charges', {
          params: { path: { id: personId }, header: { 'X-Purpose': purpose } },
        }),
      ),
  });
}

/** What a person was charged, newest month first (the read is recorded with its purpose). */
export function usePersonCharges(personId: string) {
  const me = useMe();
  return useQuery({ ...personChargesQueryOptions(personId, purposeFor(me.data?.roles)), enabled: Boolean(me.data) });
}

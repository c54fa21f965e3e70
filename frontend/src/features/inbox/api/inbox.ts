import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { inboxKeys } from '../keys';

export function inboxQueryOptions(serviceCode: string | null, eldershipId: string | null) {
  return queryOptions({
    queryKey: inboxKeys.list(serviceCode, eldershipId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/applications/inbox', {
          params: { query: { service_code: serviceCode ?? undefined, eldership_id: eldershipId ?? undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The division's inbox: waiting applications, overdue first. */
export function useInbox(serviceCode: string | null, eldershipId: string | null) {
  return useQuery(inboxQueryOptions(serviceCode, eldershipId));
}

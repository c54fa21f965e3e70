import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { delegationKeys } from '../keys';

export interface DelegationFilter {
  /** Only this signer's delegations. */
  userId: string | null;
  /** Only those not ended (in force or scheduled). */
  current: boolean;
  page: number;
}

export const PER_PAGE = 20;

export function listDelegationsQueryOptions(filter: DelegationFilter) {
  return queryOptions({
    queryKey: delegationKeys.list(filter),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/signing-delegations', {
          params: {
            query: {
              user_id: filter.userId ?? undefined,
              current: filter.current || undefined,
              page: filter.page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDelegations(filter: DelegationFilter) {
  return useQuery(listDelegationsQueryOptions(filter));
}

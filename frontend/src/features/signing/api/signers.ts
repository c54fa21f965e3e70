import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { delegationKeys } from '../keys';

/** The active users who hold the signing role: whom a delegation can be granted to. */
export const signersQueryOptions = queryOptions({
  queryKey: delegationKeys.signers(),
  queryFn: async () =>
    unwrap(
      await api.GET('/api/v1/users', {
        params: { query: { role: 'division_head', active: true, per_page: 100 } },
      }),
    ).items,
});

export function useSigners() {
  return useQuery(signersQueryOptions);
}

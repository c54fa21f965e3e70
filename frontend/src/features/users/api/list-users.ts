import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { Role } from '@/lib/roles';
import { userKeys } from '../keys';

export interface UserFilter {
  q: string;
  role: Role | null;
  active: boolean | null;
  eldershipId: string | null;
  page: number;
}

export const PER_PAGE = 20;

export function listUsersQueryOptions(filter: UserFilter) {
  return queryOptions({
    queryKey: userKeys.list(filter),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: {
            query: {
              q: filter.q || undefined,
              role: filter.role ?? undefined,
              active: filter.active ?? undefined,
              eldership_id: filter.eldershipId ?? undefined,
              page: filter.page,
              per_page: PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filter: UserFilter) {
  return useQuery(listUsersQueryOptions(filter));
}

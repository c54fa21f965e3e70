import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export interface AuditFilter {
  entity: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
}

const LIMIT = 50;

export function auditQueryOptions(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: ['audit', filter],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/audit', {
          params: {
            query: {
              entity: filter.entity || undefined,
              actor: filter.actor || undefined,
              action: filter.action || undefined,
              from: filter.from ?? undefined,
              to: filter.to ?? undefined,
              cursor: pageParam ?? undefined,
              limit: LIMIT,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery(auditQueryOptions(filter));
}

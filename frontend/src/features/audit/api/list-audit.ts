import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

export type AuditAction = components['schemas']['AuditAction'];
import { auditKeys } from '../keys';

export interface AuditFilter {
  entity: string;
  entityId: string;
  actor: string;
  action: AuditAction | '';
  /** RFC 3339, inclusive. */
  from: string | null;
  /** RFC 3339, exclusive. */
  to: string | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { entity: '', entityId: '', actor: '', action: '', from: null, to: null };

const LIMIT = 50;

/** The audit log, newest first, a page at a time ("load more" follows `next_cursor`). */
export function auditQueryOptions(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/audit', {
          params: {
            query: {
              entity: filter.entity || undefined,
              entity_id: filter.entityId || undefined,
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

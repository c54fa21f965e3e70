import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components, paths } from '@/api/schema';
import { useMe } from '@/lib/me';
import { caseKeys } from '../keys';

export type CaseSummary = components['schemas']['CaseSummary'];
export type CaseListStatus = NonNullable<NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>['status']>;

export interface CaseFilter {
  status: CaseListStatus | null;
  /** Only the cases on this user's team. */
  assignedTo: string | null;
  page: number;
  perPage: number;
}

export const PER_PAGE = 25;

export function listCasesQueryOptions(filter: CaseFilter) {
  return queryOptions({
    queryKey: caseKeys.list(filter),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases', {
          params: {
            query: {
              status: filter.status ?? undefined,
              assigned_to: filter.assignedTo ?? undefined,
              page: filter.page,
              per_page: filter.perPage,
            },
            header: { 'X-Purpose': 'case_management' },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A page of the cases the reader may see (the read is recorded: how many, never which). */
export function useCases(filter: CaseFilter) {
  const me = useMe();
  return useQuery({ ...listCasesQueryOptions(filter), enabled: Boolean(me.data) });
}

/** Overdue first (most overdue items first), then by the next due date; cases with nothing due last. */
export function byUrgency(a: CaseSummary, b: CaseSummary): number {
  if ((a.overdue > 0) !== (b.overdue > 0)) return a.overdue > 0 ? -1 : 1;
  const ad = a.next_due?.due_on ?? '9999-12-31';
  const bd = b.next_due?.due_on ?? '9999-12-31';
  return ad < bd ? -1 : ad > bd ? 1 : 0;
}

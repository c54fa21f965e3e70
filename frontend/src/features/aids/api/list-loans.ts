import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';
import type { AidType } from './list-aids';

export type AidLoanView = components['schemas']['AidLoanView'];

export const LOANS_PER_PAGE = 25;

export interface LoanFilter {
  aidType: AidType | null;
  open: boolean | null;
  overdue: boolean;
  page: number;
}

export function loansQueryOptions(f: LoanFilter) {
  return queryOptions({
    queryKey: aidKeys.loans({ aidType: f.aidType, open: f.open, overdue: f.overdue, page: f.page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/aid-loans', {
          params: {
            query: {
              aid_type: f.aidType ?? undefined,
              open: f.open ?? undefined,
              overdue: f.overdue ? true : undefined,
              page: f.page,
              per_page: LOANS_PER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Loans of items to people. */
export function useLoans(filter: LoanFilter) {
  return useQuery(loansQueryOptions(filter));
}

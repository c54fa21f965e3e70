import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { feeKeys } from '../keys';

export type FeeReviewItem = components['schemas']['FeeReviewItem'];
export type FeeReviewProblem = components['schemas']['FeeReviewProblem'];

export const REVIEWS_PER_PAGE = 25;

export function feeReviewsQueryOptions(month: string, page: number) {
  return queryOptions({
    queryKey: feeKeys.reviews(month, page),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/fee-reviews', {
          params: { query: { month, page, per_page: REVIEWS_PER_PAGE }, header: { 'X-Purpose': 'payment' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The decisions whose monthly fee would change in `month` (the read shows income: purpose `payment`). */
export function useFeeReviews(month: string, page: number) {
  return useQuery({ ...feeReviewsQueryOptions(month, page), enabled: /^\d{4}-\d{2}$/.test(month) });
}

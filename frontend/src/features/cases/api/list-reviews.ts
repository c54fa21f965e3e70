import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type ReviewView = components['schemas']['ReviewView'];

export const reviewsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'reviews'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/reviews', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } }),
      ).items,
  });

/** The plan's reviews, newest first. */
export function useReviews(id: string) {
  return useQuery(reviewsQueryOptions(id));
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type ReviewInput = components['schemas']['ReviewInput'];

/** Records a review of the agreed plan, goal by goal, with the actions' statuses and the next review date. */
export function useAddReview(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReviewInput) =>
      unwrap(await api.POST('/api/v1/cases/{id}/reviews', { params: { path: { id: caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

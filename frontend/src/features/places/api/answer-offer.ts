import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type AnswerRequest = components['schemas']['AnswerRequest'];
export type Answered = components['schemas']['Answered'];

/** Records the answer to an offer; a place given up goes to the next eligible person (`next_offers`). */
export function useAnswerOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: AnswerRequest }) =>
      unwrap(await api.POST('/api/v1/offers/{id}/answer', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewMealRecipient = components['schemas']['NewMealRecipient'];

/** Adds a recipient to a list; once a day, at most 5 a week, 12 months a year (R-LIM-4). */
export function useAddMealRecipient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ listId, body }: { listId: string; body: NewMealRecipient }) =>
      unwrap(await api.POST('/api/v1/meal-lists/{id}/recipients', { params: { path: { id: listId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

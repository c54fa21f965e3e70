import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewMealList = components['schemas']['NewMealList'];

/** Opens a named list for a working day (R-LIM-4). */
export function useCreateMealList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewMealList) => unwrap(await api.POST('/api/v1/meal-lists', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

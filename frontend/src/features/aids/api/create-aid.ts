import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type CreateAidRequest = components['schemas']['CreateAidRequest'];

/** Adds an item to the inventory (the first person waiting for its type comes back as `next_waiting`). */
export function useCreateAid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAidRequest) => unwrap(await api.POST('/api/v1/aids', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

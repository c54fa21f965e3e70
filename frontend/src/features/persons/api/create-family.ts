import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type CreateFamilyInput = components['schemas']['CreateFamilyRequest'];

/** Records a new family with its members. */
export function useCreateFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateFamilyInput) => unwrap(await api.POST('/api/v1/families', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

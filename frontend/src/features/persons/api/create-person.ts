import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type CreatePersonInput = components['schemas']['CreatePersonRequest'];

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreatePersonInput) => unwrap(await api.POST('/api/v1/persons', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
  });
}

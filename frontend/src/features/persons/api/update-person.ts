import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type UpdatePersonInput = components['schemas']['UpdatePersonRequest'];

/** Changes a person's data (with the version read: a concurrent change gives 409). */
export function useUpdatePerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdatePersonInput) =>
      unwrap(await api.PATCH('/api/v1/persons/{id}', { params: { path: { id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

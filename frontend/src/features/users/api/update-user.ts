import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { userKeys } from '../keys';

export type UpdateUserInput = components['schemas']['UpdateUserRequest'];

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserInput }) =>
      unwrap(await api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

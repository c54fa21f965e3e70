import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type UpdateAidRequest = components['schemas']['UpdateAidRequest'];

/** Edits an item (with the version read). */
export function useUpdateAid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateAidRequest }) =>
      unwrap(await api.PATCH('/api/v1/aids/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

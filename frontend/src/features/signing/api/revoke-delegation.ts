import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { delegationKeys } from '../keys';

export function useRevokeDelegation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/v1/signing-delegations/{id}/revoke', { params: { path: { id } }, body: { version } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: delegationKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { delegationKeys } from '../keys';

export type GrantDelegationInput = components['schemas']['CreateDelegationRequest'];

export function useGrantDelegation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: GrantDelegationInput) => unwrap(await api.POST('/api/v1/signing-delegations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: delegationKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type JoinWaitingRequest = components['schemas']['JoinWaitingRequest'];

/** Puts a person on the waiting list of a type. */
export function useJoinWaiting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: JoinWaitingRequest) => unwrap(await api.POST('/api/v1/aids/waiting', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

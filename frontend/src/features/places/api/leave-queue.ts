import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type LeaveRequest = components['schemas']['LeaveRequest'];
export type LeaveReason = components['schemas']['LeaveReason'];

/** Removes a person from the queue with the reason; those behind move up (their history says why). */
export function useLeaveQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: LeaveRequest }) =>
      unwrap(await api.POST('/api/v1/queue-entries/{id}/leave', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { aidKeys } from '../keys';

/** Takes a person off the waiting list. */
export function useLeaveWaiting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, note }: { id: string; version: number; note: string | null }) =>
      unwrap(
        await api.POST('/api/v1/aids/waiting/{id}/leave', { params: { path: { id } }, body: { version, note } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { deliveryKeys } from '../keys';

/** The Centre's director approves a draft schedule; visits are recorded on approved ones. */
export function useApproveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/v1/schedules/{id}/approve', { params: { path: { id } }, body: { version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

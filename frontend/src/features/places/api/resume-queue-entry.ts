import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { placeKeys } from '../keys';

/** Ends an entry's hold: it is offered places again in its order. */
export function useResumeQueueEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/v1/queue-entries/{id}/resume', { params: { path: { id } }, body: { version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

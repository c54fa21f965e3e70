import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type CancelTrip = components['schemas']['CancelTrip'];

/** Cancels a requested trip. */
export function useCancelTrip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: CancelTrip }) =>
      unwrap(await api.POST('/api/v1/trips/{id}/cancel', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

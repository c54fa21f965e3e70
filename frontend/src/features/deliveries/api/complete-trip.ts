import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type CompleteTrip = components['schemas']['CompleteTrip'];

/** Marks a trip done with the odometer km driven. */
export function useCompleteTrip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: CompleteTrip }) =>
      unwrap(await api.POST('/api/v1/trips/{id}/complete', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

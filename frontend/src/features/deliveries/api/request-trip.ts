import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewTrip = components['schemas']['NewTrip'];

/** Requests a trip, at least 5 working days ahead (R-DL-4). */
export function useRequestTrip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewTrip) => unwrap(await api.POST('/api/v1/trips', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

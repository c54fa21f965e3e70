import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewSchedule = components['schemas']['NewSchedule'];

/** Draws up a schedule from a signed home-help or respite decision (R-LIM-1 for respite at home). */
export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewSchedule) => unwrap(await api.POST('/api/v1/schedules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

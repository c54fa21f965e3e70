import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewVisit = components['schemas']['NewVisit'];

/** Records a visit; a respite visit over a limit is refused (R-LIM-1, R-LIM-2). */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewVisit) => unwrap(await api.POST('/api/v1/deliveries', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type ArrivalRequest = components['schemas']['ArrivalRequest'];
export type BroughtBy = components['schemas']['BroughtBy'];

/** Records an arrival at the overnight shelter (R-DL-5: once without a decision; the SP-8 clock starts). */
export function useRecordArrival() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ArrivalRequest) => unwrap(await api.POST('/api/v1/stays', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

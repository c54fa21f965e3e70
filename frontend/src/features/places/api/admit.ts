import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type AdmitRequest = components['schemas']['AdmitRequest'];

/** Admits the person whose offer was accepted: the checklist, R-LIM-7, the stay begins. */
export function useAdmit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ offerId, body }: { offerId: string; body: AdmitRequest }) =>
      unwrap(await api.POST('/api/v1/offers/{id}/admit', { params: { path: { id: offerId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

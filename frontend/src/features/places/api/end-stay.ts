import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type EndRequest = components['schemas']['EndRequest'];
export type StayEndReason = components['schemas']['StayEndReason'];

/** Ends a stay; the freed place is offered to the next eligible person (`next_offers`). */
export function useEndStay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: EndRequest }) =>
      unwrap(await api.POST('/api/v1/stays/{id}/end', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type OfferRequest = components['schemas']['OfferRequest'];

/** Offers the free place to the first eligible person in the queue (R-Q-4). */
export function useMakeOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OfferRequest) => unwrap(await api.POST('/api/v1/offers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}

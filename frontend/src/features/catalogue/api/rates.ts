import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { catalogueKeys } from '../keys';

export type Rate = components['schemas']['RateView'];
export type CreateRateInput = components['schemas']['CreateRateRequest'];

export const ratesQueryOptions = queryOptions({
  queryKey: catalogueKeys.rates(),
  queryFn: async () => unwrap(await api.GET('/api/v1/rates')),
});

/** Every rate value of the municipality, by kind, newest first. */
export function useRates() {
  return useQuery(ratesQueryOptions);
}

export function useCreateRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateRateInput) => unwrap(await api.POST('/api/v1/rates', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.rates() }),
  });
}

export function useDeleteRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/api/v1/rates/{id}', { params: { path: { id } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.rates() }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type AddIncomeInput = components['schemas']['AddIncomeRequest'];
export type AddIncomeMonthsInput = components['schemas']['AddIncomeMonthsRequest'];

/** Records several months' income at once (all or none, one request). */
export function useAddIncome(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AddIncomeMonthsInput) =>
      unwrap(await api.POST('/api/v1/persons/{id}/income/months', { params: { path: { id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
  });
}

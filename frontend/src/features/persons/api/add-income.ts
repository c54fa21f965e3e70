import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type AddIncomeInput = components['schemas']['AddIncomeRequest'];

export function useAddIncome(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AddIncomeInput) =>
      unwrap(await api.POST('/api/v1/persons/{id}/income', { params: { path: { id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
  });
}

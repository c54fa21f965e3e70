import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type ReturnLoanRequest = components['schemas']['ReturnLoanRequest'];

/** Takes an item back, with the refund of a bed returned within 12 months (R-FEE-11). */
export function useReturnLoan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ReturnLoanRequest }) =>
      unwrap(await api.POST('/api/v1/aid-loans/{id}/return', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { aidKeys } from '../keys';

export type IssueLoanRequest = components['schemas']['IssueLoanRequest'];

/** Issues an item to a person with the one-time fee (R-FEE-10). */
export function useIssueLoan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: IssueLoanRequest) => unwrap(await api.POST('/api/v1/aid-loans', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}

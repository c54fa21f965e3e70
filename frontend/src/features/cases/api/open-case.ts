import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type OpenCaseInput = components['schemas']['OpenCaseRequest'];

/** Opens a case for a family (R-CM-1). */
export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OpenCaseInput) => unwrap(await api.POST('/api/v1/cases', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

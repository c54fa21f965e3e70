import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type PlanInput = components['schemas']['PlanInput'];

/** Saves the plan's draft (a new one, or the draft as read: `version`). */
export function useSavePlan(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlanInput) => unwrap(await api.PUT('/api/v1/cases/{id}/plan', { params: { path: { id: caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

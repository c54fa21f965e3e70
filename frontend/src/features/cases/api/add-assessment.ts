import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type AssessmentInput = components['schemas']['NewAssessment'];

/** Records a needs assessment (R-CM-2), signed by the caller. */
export function useAddAssessment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AssessmentInput) =>
      unwrap(await api.POST('/api/v1/cases/{id}/assessments', { params: { path: { id: caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

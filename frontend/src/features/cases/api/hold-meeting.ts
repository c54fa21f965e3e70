import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type MeetingInput = components['schemas']['NewMeeting'];

/** Records a case meeting with its decisions (agree the plan, file an application, the next review, closing). */
export function useHoldMeeting(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeetingInput) =>
      unwrap(await api.POST('/api/v1/cases/{id}/meetings', { params: { path: { id: caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

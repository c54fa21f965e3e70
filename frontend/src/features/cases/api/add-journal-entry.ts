import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type NewJournalEntry = components['schemas']['NewJournalEntryRequest'];

/** A new journal entry, or a correction of an earlier one (`corrects_id`). */
export function useAddJournalEntry(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewJournalEntry) =>
      unwrap(await api.POST('/api/v1/cases/{id}/journal', { params: { path: { id: caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

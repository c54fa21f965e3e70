import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type JournalChanges = components['schemas']['EditJournalEntryRequest'];

/** Changes the author's own entry within 24 hours of writing it. */
export function useEditJournalEntry(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ entryId, body }: { entryId: string; body: JournalChanges }) =>
      unwrap(
        await api.PATCH('/api/v1/cases/{id}/journal/{entry_id}', { params: { path: { id: caseId, entry_id: entryId } }, body }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

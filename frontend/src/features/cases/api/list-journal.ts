import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type JournalEntry = components['schemas']['JournalEntryView'];

export const journalQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'journal'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/journal', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } }),
      ).items,
  });

/** The family's monitoring journal, newest first. */
export function useJournal(id: string) {
  return useQuery(journalQueryOptions(id));
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import type { Purpose } from '@/lib/purpose';
import { searchKeys } from '../keys';

export type SearchResults = components['schemas']['SearchResults'];

/** The header search for `q` (at least 2 letters or digits, else nothing is asked). */
export function useSearch(q: string, purpose: Purpose, enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.query(q, purpose),
    queryFn: async () => unwrap(await api.GET('/api/v1/search', { params: { query: { q }, header: { 'X-Purpose': purpose } } })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

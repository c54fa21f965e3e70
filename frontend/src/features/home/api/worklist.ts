import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { homeKeys } from '../keys';

export type Worklist = components['schemas']['Worklist'];
export type WorkSection = components['schemas']['WorkSection'];
export type WorkItem = components['schemas']['WorkItem'];
export type SectionKind = components['schemas']['SectionKind'];

export function worklistQueryOptions() {
  return queryOptions({
    queryKey: homeKeys.all,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/worklist')),
    refetchInterval: 120_000,
  });
}

/** The caller's work lists: a section per task of their roles. */
export function useWorklist() {
  return useQuery(worklistQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type AssessmentView = components['schemas']['AssessmentView'];

export const assessmentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.part(id, 'assessments'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/cases/{id}/assessments', { params: { path: { id }, header: { 'X-Purpose': 'case_management' } } }),
      ).items,
  });

/** The needs assessments of the child and the family, newest first. */
export function useAssessments(id: string) {
  return useQuery(assessmentsQueryOptions(id));
}

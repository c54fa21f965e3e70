import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

type StaffRef = components['schemas']['StaffRef'];

export interface StaffChoices {
  caseManagers: StaffRef[];
  socialWorkers: StaffRef[];
}

export const staffChoicesQueryOptions = queryOptions({
  queryKey: caseKeys.staff(),
  queryFn: async (): Promise<StaffChoices> => {
    const result = unwrap(await api.GET('/api/v1/cases/team-candidates'));
    return { caseManagers: result.case_managers, socialWorkers: result.social_workers };
  },
  staleTime: 60_000,
});

/** Whom a case's team can be made of: the municipality's active case managers and social workers. */
export function useStaffChoices() {
  return useQuery(staffChoicesQueryOptions);
}

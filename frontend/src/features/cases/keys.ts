// The query keys of cases: this feature's queries use them, and whoever
// changes what a case shows (a family member added from the case) refreshes
// through them.

import type { CaseFilter } from './api/list-cases';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filter: CaseFilter) => [...caseKeys.lists(), filter] as const,
  /** Everyone seen on a team of a case the reader may see: whom a team can be made of. */
  staff: () => [...caseKeys.all, 'staff'] as const,
  caseloads: () => [...caseKeys.all, 'caseloads'] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
  /** A case's sub-resources (assessments, meetings, plan, reviews, journal, timeline). */
  part: (id: string, part: string) => [...caseKeys.detail(id), part] as const,
  planVersion: (id: string, number: number) => [...caseKeys.detail(id), 'plan-version', number] as const,
};

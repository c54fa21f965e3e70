// The query keys of people's data, one factory for the whole app: this
// feature's queries use it, and whoever changes what a person's file shows
// (an application, a decision) invalidates through it.

import type { PersonSearch } from './api/search-persons';

export const personKeys = {
  all: ['persons'] as const,
  /** Every list of people: the search page and the applicant picker. */
  lists: () => [...personKeys.all, 'list'] as const,
  search: (search: PersonSearch) => [...personKeys.lists(), 'search', search] as const,
  choices: (q: string) => [...personKeys.lists(), 'choices', q] as const,
  /** People to add to a family, found by name. */
  memberChoices: (q: string) => [...personKeys.lists(), 'member-choices', q] as const,
  /** A family with its members (read from a person's file). */
  family: (id: string) => [...personKeys.all, 'family', id] as const,
  /** Every person's file (it shows their applications and timeline too). */
  details: () => [...personKeys.all, 'detail'] as const,
  detail: (id: string) => [...personKeys.details(), id] as const,
  /** The person an application is received for (read with its own purpose). */
  intake: (id: string) => [...personKeys.all, 'intake', id] as const,
};

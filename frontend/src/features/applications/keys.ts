// The query keys of applications and what is computed for them.

export const applicationKeys = {
  all: ['applications'] as const,
  details: () => [...applicationKeys.all, 'detail'] as const,
  detail: (id: string) => [...applicationKeys.details(), id] as const,
  /** The fee a decision would set for `hours` a month. */
  fee: (id: string, hours: string) => [...applicationKeys.all, 'fee', id, hours] as const,
  /** Eligibility hints for a person and a service, while receiving an application. */
  eligibility: (personId: string, serviceCode: string) =>
    [...applicationKeys.all, 'eligibility', personId, serviceCode] as const,
};

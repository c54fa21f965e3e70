// The query keys of signing delegations.

import type { DelegationFilter } from './api/list-delegations';

export const delegationKeys = {
  all: ['signing-delegations'] as const,
  lists: () => [...delegationKeys.all, 'list'] as const,
  list: (filter: DelegationFilter) => [...delegationKeys.lists(), filter] as const,
  signers: () => [...delegationKeys.all, 'signers'] as const,
};

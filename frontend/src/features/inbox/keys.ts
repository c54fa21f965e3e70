// The query keys of the division's inbox; whoever moves an application into
// or out of it invalidates `inboxKeys.all`.

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (serviceCode: string | null, eldershipId: string | null) =>
    [...inboxKeys.all, 'list', { serviceCode, eldershipId }] as const,
};

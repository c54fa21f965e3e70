// The query keys of the reference data this feature edits. The service
// catalogue is read by several features, so its key lives with its query in
// src/lib/catalogue.ts (`serviceTypeKeys`).

export const catalogueKeys = {
  all: ['catalogue'] as const,
  rates: () => [...catalogueKeys.all, 'rates'] as const,
  procedureParameters: () => [...catalogueKeys.all, 'procedure-parameters'] as const,
};

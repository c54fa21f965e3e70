// The query keys of technical aids: every change (an item added, a loan
// issued or returned, someone joining the waiting list) refreshes them all —
// the stock counts move with each.

export const aidKeys = {
  all: ['aids'] as const,
  items: (filter: Record<string, string | number | null>) => [...aidKeys.all, 'items', filter] as const,
  stock: () => [...aidKeys.all, 'stock'] as const,
  prices: () => [...aidKeys.all, 'prices'] as const,
  loans: (filter: Record<string, string | number | boolean | null>) => [...aidKeys.all, 'loans', filter] as const,
  waiting: (filter: Record<string, string | number | null>) => [...aidKeys.all, 'waiting', filter] as const,
};

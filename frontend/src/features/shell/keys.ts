// The query keys of the header search.

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string, purpose: string) => [...searchKeys.all, q, purpose] as const,
};

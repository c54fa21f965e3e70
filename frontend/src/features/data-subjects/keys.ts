// The query keys of the data subject's questions.

export const dataSubjectKeys = {
  all: ['data-subjects'] as const,
  search: (q: string) => [...dataSubjectKeys.all, 'search', q] as const,
  accesses: (personId: string, from: string | null, to: string | null) =>
    [...dataSubjectKeys.all, 'accesses', personId, from, to] as const,
};

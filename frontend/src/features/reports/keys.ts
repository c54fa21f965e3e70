// The query keys of the reports (R-REP-1..3).

export const reportKeys = {
  all: ['reports'] as const,
  timeliness: (from: string, to: string) => [...reportKeys.all, 'timeliness', from, to] as const,
  overdue: () => [...reportKeys.all, 'overdue'] as const,
  waiting: (from: string, to: string) => [...reportKeys.all, 'waiting', from, to] as const,
  summary: (year: number) => [...reportKeys.all, 'summary', year] as const,
};

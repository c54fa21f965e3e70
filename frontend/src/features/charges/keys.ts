// The query keys of the monthly charges: the runs, one run (polled while it
// runs), its lines and differences, and a person's charges month by month.

export const chargeKeys = {
  all: ['charges'] as const,
  runsAll: () => [...chargeKeys.all, 'runs'] as const,
  runs: (page: number) => [...chargeKeys.runsAll(), page] as const,
  run: (id: string) => [...chargeKeys.all, 'run', id] as const,
  lines: (id: string, page: number) => [...chargeKeys.all, 'run', id, 'lines', page] as const,
  differences: (id: string) => [...chargeKeys.all, 'run', id, 'differences'] as const,
  person: (personId: string) => [...chargeKeys.all, 'person', personId] as const,
};

// The query keys of places and queues: the facilities' overview, a queue's
// board, a queue entry with its history, and the stays. Every change to a
// queue (an offer, an admission, a leaving) refreshes all of them: one
// change moves the numbers of the overview and the positions of the board.

export const placeKeys = {
  all: ['places'] as const,
  facilities: () => [...placeKeys.all, 'facilities'] as const,
  boards: () => [...placeKeys.all, 'board'] as const,
  board: (facilityId: string, placeKind: string) => [...placeKeys.boards(), facilityId, placeKind] as const,
  entry: (id: string) => [...placeKeys.all, 'entry', id] as const,
  person: (personId: string) => [...placeKeys.all, 'person', personId] as const,
  stays: (filter: Record<string, string | boolean | null>) => [...placeKeys.all, 'stays', filter] as const,
};

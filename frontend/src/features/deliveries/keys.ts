// The query keys of deliveries: schedules, visits, trips, meal lists and
// coupon grants. Recording anything refreshes the whole feature: a visit
// moves a week's figures, a trip or a meal the person's summary.

export const deliveryKeys = {
  all: ['deliveries'] as const,
  schedules: (filter: Record<string, string | number | null>) => [...deliveryKeys.all, 'schedules', filter] as const,
  visits: (scheduleId: string) => [...deliveryKeys.all, 'visits', scheduleId] as const,
  trips: (filter: Record<string, string | number | null>) => [...deliveryKeys.all, 'trips', filter] as const,
  mealLists: (filter: Record<string, string | number | null>) => [...deliveryKeys.all, 'meal-lists', filter] as const,
  coupons: (filter: Record<string, string | number | null>) => [...deliveryKeys.all, 'coupons', filter] as const,
  person: (id: string) => [...deliveryKeys.all, 'person', id] as const,
  decisions: (personId: string, services: readonly string[]) => [...deliveryKeys.all, 'decisions', personId, ...services] as const,
};

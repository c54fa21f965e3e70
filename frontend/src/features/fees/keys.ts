// The query keys of fees: the monthly fee reviews of a month.

export const feeKeys = {
  all: ['fees'] as const,
  reviews: (month: string, page: number) => [...feeKeys.all, 'reviews', month, page] as const,
};

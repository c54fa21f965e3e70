import { FeeReviewsPage } from '@/features/fees';

/** `/fees/reviews?month=`: the monthly fees that would change, to confirm. */
export default function FeeReviewsRoute() {
  return <FeeReviewsPage />;
}

// Fees (issue 11): the fee calculator (a quote for a stored person or a
// household typed in, worked out line by line) and the monthly review of
// the fees that would change.

export { feeKeys } from './keys';
export { FeeCalculator } from './components/fee-calculator';
export { FeeBreakdownCard } from './components/fee-breakdown-card';
export { FeeReviewsPage } from './components/fee-reviews-page';

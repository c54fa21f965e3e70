// Technical aids (issue 11): the inventory, the stock per type, loans with
// their one-time fee and refund (R-FEE-10, R-FEE-11), the return after the
// user's death (R-LIM-6), and the waiting list per type.

export { aidKeys } from './keys';
export { AidsPage } from './components/aids-page';

// Recording the service (issue 11): home help and respite schedules with
// their visits week by week against the limits (R-LIM-1..3), trips
// (R-DL-4), meal lists (R-LIM-4) and meal coupons (R-LIM-5); and a person's
// summary for their file.

export { deliveryKeys } from './keys';
export { DELIVERY_TABS, DeliveriesPage, type DeliveryTab } from './components/deliveries-page';
export { PersonDeliveriesCard } from './components/person-deliveries-card';

import { PlacesOverview } from '@/features/places';

/** `/places`: the facilities' places and queues today. */
export default function PlacesRoute() {
  return <PlacesOverview />;
}

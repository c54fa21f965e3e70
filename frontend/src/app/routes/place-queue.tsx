import { useParams } from 'react-router';
import { placeKindValues, type components } from '@/api/schema';
import { QueueBoardPage, UnknownPlaceKind } from '@/features/places';

type PlaceKind = components['schemas']['PlaceKind'];

function isPlaceKind(value: string): value is PlaceKind {
  return (placeKindValues as readonly string[]).includes(value);
}

/** `/places/:facilityId/:placeKind`: a queue's board. */
export default function PlaceQueueRoute() {
  const { facilityId = '', placeKind = '' } = useParams();
  if (!isPlaceKind(placeKind)) return <UnknownPlaceKind />;
  return <QueueBoardPage key={`${facilityId}/${placeKind}`} facilityId={facilityId} placeKind={placeKind} />;
}

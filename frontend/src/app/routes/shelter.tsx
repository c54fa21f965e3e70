import { useSearchParams } from 'react-router';
import { ShelterPage } from '@/features/places';
import { PersonPicker } from '@/features/persons';

/** `/places/shelter[?facility=]`: the overnight shelter's stays and arrivals; the person who arrived is chosen with the persons feature's picker. */
export default function ShelterRoute() {
  const [params] = useSearchParams();
  return <ShelterPage facilityId={params.get('facility')} personPicker={(props) => <PersonPicker {...props} />} />;
}

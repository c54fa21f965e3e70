import { AidsPage } from '@/features/aids';
import { PersonPicker } from '@/features/persons';

/** `/aids`: technical aids, with the persons feature's picker for issuing and the waiting list. */
export default function AidsRoute() {
  return <AidsPage personPicker={(personId, onChange) => <PersonPicker personId={personId} onChange={onChange} />} />;
}

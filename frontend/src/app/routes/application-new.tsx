import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { IntakeWizard } from '@/features/applications';
import { PersonPicker } from '@/features/persons';
import { useApplicationChanged } from '../application-changes';

/**
 * `/applications/new` (`?person=<id>` from a person's file): receiving an
 * application. The applicant is chosen with the persons feature's picker;
 * the rest is the applications feature's wizard.
 */
export default function NewApplicationRoute() {
  const [params] = useSearchParams();
  const [personId, setPersonId] = useState<string | null>(params.get('person'));
  const changed = useApplicationChanged();
  return (
    <IntakeWizard
      personId={personId}
      personStep={<PersonPicker personId={personId} onChange={setPersonId} />}
      onChanged={changed}
    />
  );
}

import { CasesList } from '@/features/cases';
import { FamilyChooser } from '@/features/persons';

/** `/cases`: the cases the user may see; a new case picks or records its family through the persons feature. */
export default function CasesRoute() {
  return <CasesList familyChooser={(props) => <FamilyChooser {...props} />} />;
}

import { FeeCalculator } from '@/features/fees';
import { PersonPicker } from '@/features/persons';

/** `/fees/calculator`: the fee calculator, with the persons feature's picker for a stored person. */
export default function FeeCalculatorRoute() {
  return <FeeCalculator personPicker={(personId, onChange) => <PersonPicker personId={personId} onChange={onChange} />} />;
}

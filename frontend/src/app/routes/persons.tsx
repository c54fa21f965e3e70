import { PersonsList } from '@/features/persons';

/** `/persons`: finding and recording people. */
export default function PersonsRoute() {
  return <PersonsList />;
}

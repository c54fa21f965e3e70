import { ChargesPage } from '@/features/charges';

/** `/charges`: the monthly charges runs. */
export default function ChargesRoute() {
  return <ChargesPage />;
}

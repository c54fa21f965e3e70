import { LandingPage } from '@/features/home';

/** `/`: the start page. */
export default function HomeRoute() {
  return <LandingPage />;
}

import { HeadHome, ManagerHome } from '@/features/cases';
import { LandingPage } from '@/features/home';
import { useMe } from '@/lib/me';

/**
 * `/`: the start page. The head of the case managers' unit sees all cases
 * by case manager and those waiting for a team; a case manager their work
 * list; everyone else what their roles do.
 */
export default function HomeRoute() {
  const me = useMe();
  if (!me.data) return null;
  const roles = me.data.roles;
  if (roles.includes('case_management_head')) return <HeadHome />;
  if (roles.includes('case_manager')) return <ManagerHome />;
  return <LandingPage />;
}

import { Stack } from '@mantine/core';
import { HeadHome, ManagerHome } from '@/features/cases';
import { LandingPage } from '@/features/home';
import { useMe } from '@/lib/me';

/**
 * `/`: the start page. The head of the case managers' unit starts with all
 * cases by case manager and those waiting for a team, a case manager with
 * their work list; below it (and for everyone else alone) what their roles do.
 */
export default function HomeRoute() {
  const me = useMe();
  if (!me.data) return null;
  const roles = me.data.roles;
  const work = roles.includes('case_management_head') ? <HeadHome /> : roles.includes('case_manager') ? <ManagerHome /> : null;
  if (!work) return <LandingPage />;
  return (
    <Stack gap={48}>
      {work}
      <LandingPage />
    </Stack>
  );
}

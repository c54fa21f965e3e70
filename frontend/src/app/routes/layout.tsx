import { AppShellLayout } from '@/features/shell';
import { RequireAuth } from '../guards';

/** Every page after logging in: the shell around the page (`<Outlet />`). */
export default function AppLayoutRoute() {
  return (
    <RequireAuth>
      <AppShellLayout />
    </RequireAuth>
  );
}

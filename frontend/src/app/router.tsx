import { createBrowserRouter } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { AppShellLayout } from '@/features/shell/components/app-shell-layout';
import { LandingPage } from '@/features/home/components/landing-page';
import { UsersPage } from '@/features/users/components/users-page';
import { AuditPage } from '@/features/audit/components/audit-page';
import { NotFound } from '@/components/not-found';
import { RequireAuth, RequireRole } from './guards';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShellLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <LandingPage /> },
      {
        path: 'users',
        element: (
          <RequireRole path="/users">
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole path="/audit">
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

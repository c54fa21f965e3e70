import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { AppShellLayout } from '@/features/shell/components/app-shell-layout';
import { LandingPage } from '@/features/home/components/landing-page';
import { NotFound } from '@/components/not-found';
import { RequireAuth, RequireRole } from './guards';

// Pages of one role load when first opened (the shell shows a loader).
const UsersPage = lazy(() => import('@/features/users/components/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('@/features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })));
const PersonsPage = lazy(() =>
  import('@/features/persons/components/persons-page').then((m) => ({ default: m.PersonsPage })),
);
const PersonFilePage = lazy(() =>
  import('@/features/persons/components/person-file-page').then((m) => ({ default: m.PersonFilePage })),
);
const IntakeWizard = lazy(() =>
  import('@/features/applications/components/intake-wizard').then((m) => ({ default: m.IntakeWizard })),
);
const ApplicationPage = lazy(() =>
  import('@/features/applications/components/application-page').then((m) => ({ default: m.ApplicationPage })),
);
const CataloguePage = lazy(() =>
  import('@/features/catalogue/components/catalogue-page').then((m) => ({ default: m.CataloguePage })),
);
const InboxPage = lazy(() => import('@/features/inbox/components/inbox-page').then((m) => ({ default: m.InboxPage })));

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
        path: 'catalogue',
        element: (
          <RequireRole path="/catalogue">
            <CataloguePage />
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
      {
        path: 'persons',
        element: (
          <RequireRole path="/persons">
            <PersonsPage />
          </RequireRole>
        ),
      },
      {
        path: 'persons/:id',
        element: (
          <RequireRole path="/persons">
            <PersonFilePage />
          </RequireRole>
        ),
      },
      {
        path: 'applications/new',
        element: (
          <RequireRole path="/persons">
            <IntakeWizard />
          </RequireRole>
        ),
      },
      {
        path: 'applications/:id',
        element: (
          <RequireRole path="/persons">
            <ApplicationPage />
          </RequireRole>
        ),
      },
      {
        path: 'inbox',
        element: (
          <RequireRole path="/inbox">
            <InboxPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

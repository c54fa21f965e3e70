import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/not-found';
import { RequireRole } from './guards';
import HomeRoute from './routes/home';
import AppLayoutRoute from './routes/layout';
import LoginRoute from './routes/login';

// One route component per page, in ./routes; each composes features. Pages of
// one role load when first opened (the shell shows a loader meanwhile).
const UsersRoute = lazy(() => import('./routes/users'));
const SigningDelegationsRoute = lazy(() => import('./routes/signing-delegations'));
const CatalogueRoute = lazy(() => import('./routes/catalogue'));
const AuditRoute = lazy(() => import('./routes/audit'));
const PersonsRoute = lazy(() => import('./routes/persons'));
const PersonFileRoute = lazy(() => import('./routes/person-file'));
const NewApplicationRoute = lazy(() => import('./routes/application-new'));
const ApplicationRoute = lazy(() => import('./routes/application'));
const InboxRoute = lazy(() => import('./routes/inbox'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  {
    path: '/',
    element: <AppLayoutRoute />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: 'users',
        element: (
          <RequireRole path="/users">
            <UsersRoute />
          </RequireRole>
        ),
      },
      {
        path: 'signing-delegations',
        element: (
          <RequireRole path="/signing-delegations">
            <SigningDelegationsRoute />
          </RequireRole>
        ),
      },
      {
        path: 'catalogue',
        element: (
          <RequireRole path="/catalogue">
            <CatalogueRoute />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole path="/audit">
            <AuditRoute />
          </RequireRole>
        ),
      },
      {
        path: 'persons',
        element: (
          <RequireRole path="/persons">
            <PersonsRoute />
          </RequireRole>
        ),
      },
      {
        path: 'persons/:id',
        element: (
          <RequireRole path="/persons">
            <PersonFileRoute />
          </RequireRole>
        ),
      },
      {
        path: 'applications/new',
        element: (
          <RequireRole path="/persons">
            <NewApplicationRoute />
          </RequireRole>
        ),
      },
      {
        path: 'applications/:id',
        element: (
          <RequireRole path="/persons">
            <ApplicationRoute />
          </RequireRole>
        ),
      },
      {
        path: 'inbox',
        element: (
          <RequireRole path="/inbox">
            <InboxRoute />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

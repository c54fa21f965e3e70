import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { loadCurrentLanguage } from '@/i18n';
import LoginRoute from './routes/login';

// One route component per page, in ./routes; each composes features. Only
// the login page is in the first download (its budget: scripts/check-bundle.mjs,
// run by `npm run build`); the shell loads after login, each page when first
// opened (the shell shows a loader meanwhile). Declarative routes: the data
// router's machinery (loaders, actions) is not used and not downloaded.
const AppLayoutRoute = lazy(() =>
  Promise.all([import('./routes/layout'), loadCurrentLanguage()]).then(([layout]) => layout),
);
const RequireRole = lazy(() => import('./guards').then((m) => ({ default: m.RequireRole })));
const HomeRoute = lazy(() => import('./routes/home'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));
const UsersRoute = lazy(() => import('./routes/users'));
const ServiceAccountsRoute = lazy(() => import('./routes/service-accounts'));
const SigningDelegationsRoute = lazy(() => import('./routes/signing-delegations'));
const CatalogueRoute = lazy(() => import('./routes/catalogue'));
const AuditRoute = lazy(() => import('./routes/audit'));
const DataSubjectsRoute = lazy(() => import('./routes/data-subjects'));
const PersonsRoute = lazy(() => import('./routes/persons'));
const PersonFileRoute = lazy(() => import('./routes/person-file'));
const NewApplicationRoute = lazy(() => import('./routes/application-new'));
const ApplicationRoute = lazy(() => import('./routes/application'));
const InboxRoute = lazy(() => import('./routes/inbox'));
const CasesRoute = lazy(() => import('./routes/cases'));
const DeliveriesRoute = lazy(() => import('./routes/deliveries'));
const CaseRoute = lazy(() => import('./routes/case'));
const PlacesRoute = lazy(() => import('./routes/places'));
const PlaceQueueRoute = lazy(() => import('./routes/place-queue'));
const ShelterRoute = lazy(() => import('./routes/shelter'));
const FeeCalculatorRoute = lazy(() => import('./routes/fee-calculator'));
const FeeReviewsRoute = lazy(() => import('./routes/fee-reviews'));
const AidsRoute = lazy(() => import('./routes/aids'));
const ChargesRoute = lazy(() => import('./routes/charges'));
const ReportsRoute = lazy(() => import('./routes/reports'));

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** A page open to the roles that may open `path` (see `@/lib/navigation`). */
function guarded(path: string, page: ReactNode) {
  return <RequireRole path={path}>{page}</RequireRole>;
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route
          path="/"
          element={
            <Suspense fallback={<PageLoader />}>
              <AppLayoutRoute />
            </Suspense>
          }
        >
          <Route index element={<HomeRoute />} />
          <Route path="users" element={guarded('/users', <UsersRoute />)} />
          <Route path="service-accounts" element={guarded('/service-accounts', <ServiceAccountsRoute />)} />
          <Route
            path="signing-delegations"
            element={guarded('/signing-delegations', <SigningDelegationsRoute />)}
          />
          <Route path="catalogue" element={guarded('/catalogue', <CatalogueRoute />)} />
          <Route path="audit" element={guarded('/audit', <AuditRoute />)} />
          <Route path="data-subjects" element={guarded('/data-subjects', <DataSubjectsRoute />)} />
          <Route path="persons" element={guarded('/persons', <PersonsRoute />)} />
          <Route path="persons/:id" element={guarded('/persons', <PersonFileRoute />)} />
          <Route path="applications/new" element={guarded('/persons', <NewApplicationRoute />)} />
          <Route path="applications/:id" element={guarded('/persons', <ApplicationRoute />)} />
          <Route path="inbox" element={guarded('/inbox', <InboxRoute />)} />
          <Route path="cases" element={guarded('/cases', <CasesRoute />)} />
          <Route path="cases/:id" element={guarded('/cases', <CaseRoute />)} />
          <Route path="deliveries" element={guarded('/deliveries', <DeliveriesRoute />)} />
          <Route path="places" element={guarded('/places', <PlacesRoute />)} />
          <Route path="places/shelter" element={guarded('/places', <ShelterRoute />)} />
          <Route path="places/:facilityId/:placeKind" element={guarded('/places', <PlaceQueueRoute />)} />
          <Route path="fees" element={<Navigate to="/fees/calculator" replace />} />
          <Route path="fees/calculator" element={guarded('/fees/calculator', <FeeCalculatorRoute />)} />
          <Route path="fees/reviews" element={guarded('/fees/reviews', <FeeReviewsRoute />)} />
          <Route path="aids" element={guarded('/aids', <AidsRoute />)} />
          <Route path="charges" element={guarded('/charges', <ChargesRoute />)} />
          <Route path="reports" element={guarded('/reports', <ReportsRoute />)} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

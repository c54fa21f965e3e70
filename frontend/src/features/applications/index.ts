// The applications feature's public face: what pages (src/app/routes)
// compose, and the query keys of applications.

export { applicationKeys } from './keys';
export type { OnApplicationChanged } from './api/steps';
export { ApplicationView } from './components/application-view';
export { IntakeWizard } from './components/intake-wizard';
export { NewApplicationButton, PersonApplicationsCard } from './components/person-applications';

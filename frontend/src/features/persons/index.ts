// The persons feature's public face: what pages (src/app/routes) compose,
// and the query keys through which others refresh a person's data. Nothing
// else of this folder is imported from outside it.

export { personKeys } from './keys';
export { usePerson } from './api/get-person';
export { PersonsList } from './components/persons-list';
export { PersonFileHeader } from './components/person-file-header';
export { PersonDataCard } from './components/person-data-card';
export { CertificatesCard } from './components/certificates-card';
export { PersonFamilies } from './components/person-families';
export { IncomeCard } from './components/income-card';
export { PersonTimeline } from './components/person-timeline';
export { PersonPicker } from './components/person-picker';
export { FamilyChooser } from './components/family-chooser';
export { FamilyMembers } from './components/person-families';

// The data subject's questions (BDAR 15 str.): the page and its query keys.

export { dataSubjectKeys } from './keys';
export { DataSubjectsPage } from './components/data-subjects-page';

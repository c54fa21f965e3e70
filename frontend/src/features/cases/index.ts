// Case management (issue 9): the case list, the work lists of the case
// managers and their head, and a case's workspace. Pages compose it with the
// persons feature (choosing the family, its members).

export { caseKeys } from './keys';
export { CasesList } from './components/cases-list';
export { ManagerHome } from './components/manager-home';
export { HeadHome } from './components/head-home';
export { CaseWorkspace } from './components/case-workspace';
export type { CaseTab } from './components/case-workspace';
export type { CaseView } from './api/get-case';
export { TimelineCard } from './components/timeline-card';
export { JournalPanel } from './components/journal-panel';
export { PlanPanel } from './components/plan-panel';
export { ReviewsPanel } from './components/reviews-panel';
export { AssessmentPanel } from './components/assessment-panel';
export { MeetingsPanel } from './components/meetings-panel';

// Reports (issue 12, R-REP-1..3): timeliness of decisions with today's
// overdue list, waiting times and queue lengths, the yearly summary. The
// timeliness chart is exported for the division head's home page.

export { reportKeys } from './keys';
export { ReportsPage } from './components/reports-page';
export { TimelinessChart } from './components/timeliness-chart';
export { useTimeliness } from './api/get-timeliness';

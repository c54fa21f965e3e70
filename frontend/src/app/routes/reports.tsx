import { ReportsPage } from '@/features/reports';

/** `/reports`: the division's reports (R-REP-1..3). */
export default function ReportsRoute() {
  return <ReportsPage />;
}

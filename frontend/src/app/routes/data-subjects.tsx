import { DataSubjectsPage } from '@/features/data-subjects';

/** `/data-subjects`: the data subject's questions (auditor, data protection officer). */
export default function DataSubjectsRoute() {
  return <DataSubjectsPage />;
}

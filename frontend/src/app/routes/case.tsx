import { Card, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  AssessmentPanel,
  caseKeys,
  CaseWorkspace,
  JournalPanel,
  MeetingsPanel,
  PlanPanel,
  ReviewsPanel,
  TimelineCard,
  type CaseView,
} from '@/features/cases';
import { FamilyMembers } from '@/features/persons';

/**
 * `/cases/:id`: a case's workspace (the cases feature) with its family's
 * members, added and edited through the persons feature; a change there
 * refreshes the case.
 */
export default function CaseRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const aside = (view: CaseView) => (
    <>
      <TimelineCard caseId={view.id} />
      <Card withBorder padding="md" component="section" aria-labelledby="case-family">
        <Title order={3} size="h5" id="case-family" mb="xs">
          {t('cases.workspace.family')}
        </Title>
        <FamilyMembers
          familyId={view.family.id}
          familyName={view.family.name}
          onChanged={() => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) })}
        />
      </Card>
    </>
  );
  return (
    <CaseWorkspace
      key={id}
      caseId={id}
      tabs={{
        assessment: (view) => <AssessmentPanel view={view} />,
        meetings: (view) => <MeetingsPanel view={view} />,
        plan: (view) => <PlanPanel view={view} />,
        reviews: (view) => <ReviewsPanel view={view} />,
        journal: (view) => <JournalPanel view={view} />,
      }}
      aside={aside}
    />
  );
}

import { Grid, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { NewApplicationButton, PersonApplicationsCard } from '@/features/applications';
import { PersonDeliveriesCard } from '@/features/deliveries';
import { PersonChargesCard } from '@/features/charges';
import {
  CertificatesCard,
  IncomeCard,
  PersonDataCard,
  PersonFamilies,
  PersonFileHeader,
  PersonTimeline,
  usePerson,
} from '@/features/persons';
import { PersonQueueCard } from '@/features/places';

/**
 * `/persons/:id`: a person's file. One read (audited, purpose `person_file`)
 * brings the person, their certificates, families, income, applications and
 * timeline; the persons feature shows the person's own data, the
 * applications feature their applications.
 */
export default function PersonFileRoute() {
  const { id = '' } = useParams();
  const file = usePerson(id);

  if (file.isError) return <QueryError error={file.error} />;
  if (!file.data) return null;
  const { person, certificates, families, income, applications, timeline } = file.data;

  return (
    <Stack maw={1300}>
      <PersonFileHeader person={person} actions={<NewApplicationButton personId={person.id} />} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PersonDataCard person={person} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CertificatesCard personId={person.id} certificates={certificates}>
            <PersonFamilies families={families} />
          </CertificatesCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <PersonApplicationsCard personId={person.id} applications={applications} />
            <PersonQueueCard personId={person.id} />
            <PersonDeliveriesCard personId={person.id} />
            <IncomeCard personId={person.id} income={income} />
            <PersonChargesCard personId={person.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PersonTimeline timeline={timeline} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

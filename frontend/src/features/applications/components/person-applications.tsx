import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { DueDate } from '@/components/due-date';
import { ExportMenu } from '@/components/export-menu';
import { StatusBadge } from '@/components/status-badge';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { can } from '@/lib/roles';

type ApplicationSummary = components['schemas']['ApplicationSummary'];

/** A person's applications, newest first (as their file lists them), each a link to the application; they download as CSV or Excel. */
export function PersonApplicationsCard({
  personId,
  applications,
}: {
  personId: string;
  applications: readonly ApplicationSummary[];
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = i18n.language;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="applications">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="applications">
          {t('file.applications')}
        </Title>
        {applications.length > 0 ? (
          <ExportMenu
            path="/api/v1/applications/export"
            params={{ person_id: personId }}
            fileStem="prasymai"
            purpose={purposeFor(me.data?.roles)}
          />
        ) : null}
      </Group>
      {applications.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
      {applications.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('file.service')}</Table.Th>
                <Table.Th>{t('file.received')}</Table.Th>
                <Table.Th>{t('file.status')}</Table.Th>
                <Table.Th>{t('file.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/applications/${a.id}`}>
                      {lang === 'en' ? a.service_type.name_en : a.service_type.name_lt}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.received_on, lang)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DueDate due={a.decision_due_on} overdue={a.overdue} decided={a.status === 'decided' || a.status === 'notified'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

/** "New application" for a person, to those who receive applications; nothing to others. */
export function NewApplicationButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me.data, 'receive_applications')) return null;
  return (
    <Button component={Link} to={`/applications/new?person=${personId}`} leftSection={<IconFilePlus size={16} aria-hidden />}>
      {t('file.new_application')}
    </Button>
  );
}

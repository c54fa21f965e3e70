import { Anchor, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { DueDate } from '@/components/due-date';
import { ExportMenu } from '@/components/export-menu';
import { type ListColumn, ListPage } from '@/components/list-page';
import { StatusBadge } from '@/components/status-badge';
import { useServiceTypes } from '@/lib/catalogue';
import { formatDate, urgency } from '@/lib/format';
import { useOrganisation } from '@/lib/organisation';
import { useInbox } from '../api/inbox';

type Waiting = components['schemas']['ApplicationSummary'];

const ROW_COLORS = { overdue: 'var(--mantine-color-red-0)', soon: 'var(--mantine-color-orange-0)', ok: undefined, none: undefined };

/** The Social Support Division's inbox, most urgent first. */
export function InboxList() {
  const { t, i18n } = useTranslation();
  const [service, setService] = useState<string | null>(null);
  const [eldership, setEldership] = useState<string | null>(null);
  const inbox = useInbox(service, eldership);
  const services = useServiceTypes();
  const organisation = useOrganisation();
  const lang = i18n.language;

  const columns: ListColumn<Waiting>[] = [
    { key: 'due', header: t('file.due'), cell: (a) => <DueDate due={a.decision_due_on} overdue={a.overdue} /> },
    {
      key: 'person',
      header: t('application.person'),
      cell: (a) => (
        <Anchor component={Link} to={`/applications/${a.id}`} fw={500}>
          {a.person.last_name}, {a.person.first_name}
        </Anchor>
      ),
    },
    {
      key: 'service',
      header: t('application.service'),
      cell: (a) => (lang === 'en' ? a.service_type.name_en : a.service_type.name_lt),
    },
    { key: 'received', header: t('application.received'), cell: (a) => formatDate(a.received_on, lang) },
    { key: 'eldership', header: t('persons.eldership'), cell: (a) => a.eldership?.name ?? '—' },
    { key: 'status', header: t('file.status'), cell: (a) => <StatusBadge status={a.status} /> },
  ];

  const followUps = inbox.data?.follow_ups ?? [];

  return (
    <Stack maw={1300}>
      <ListPage
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        actions={
          <Group gap="xs">
            {inbox.data && inbox.data.overdue > 0 ? (
              <Badge color="red" size="lg" data-testid="overdue-count">
                {t('inbox.overdue_count', { count: inbox.data.overdue })}
              </Badge>
            ) : null}
            <ExportMenu
              path="/api/v1/applications/inbox/export"
              params={{ service_code: service, eldership_id: eldership }}
              fileStem="gautieji"
              purpose="decision"
            />
          </Group>
        }
        filters={
          <Group>
            <Select
              label={t('inbox.service')}
              placeholder={t('inbox.all_services')}
              clearable
              value={service}
              onChange={setService}
              data={(services.data ?? []).map((s) => ({ value: s.code, label: lang === 'en' ? s.spec.name_en : s.spec.name_lt }))}
              w={320}
            />
            <Select
              label={t('inbox.eldership')}
              placeholder={t('inbox.all_elderships')}
              clearable
              searchable
              value={eldership}
              onChange={setEldership}
              data={(organisation.data?.elderships ?? []).map((e) => ({ value: e.id, label: e.name }))}
              w={280}
            />
          </Group>
        }
        query={inbox}
        rows={inbox.data?.items}
        columns={columns}
        rowKey={(a) => a.id}
        rowProps={(a) => ({
          'data-testid': 'inbox-row',
          style: { backgroundColor: ROW_COLORS[urgency(a.decision_due_on, a.overdue)] },
        })}
        empty={t('inbox.empty')}
        minWidth={900}
        maw={1300}
      />
      <Card withBorder padding="lg" component="section" aria-labelledby="follow-ups">
        <Title order={2} size="h4" id="follow-ups" mb="sm">
          {t('inbox.follow_ups')}
        </Title>
        {followUps.length === 0 ? (
          <Text c="dimmed">{t('inbox.follow_ups_empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('application.person')}</Table.Th>
                  <Table.Th>{t('application.service')}</Table.Th>
                  <Table.Th>{t('application.notification_due')}</Table.Th>
                  <Table.Th>{t('application.handover_due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {followUps.map((a) => (
                  <Table.Tr key={a.id} data-testid="follow-up-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/applications/${a.id}`} fw={500}>
                        {a.person.last_name}, {a.person.first_name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{lang === 'en' ? a.service_type.name_en : a.service_type.name_lt}</Table.Td>
                    <Table.Td>
                      {a.notification_due_on ? <DueDate due={a.notification_due_on} overdue={a.notification_overdue} /> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {a.handover_due_on ? <DueDate due={a.handover_due_on} overdue={a.handover_overdue} /> : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueDate } from '@/components/due-date';
import { QueryError } from '@/components/query-error';
import { StatusBadge } from '@/components/status-badge';
import { useServiceTypes } from '@/lib/catalogue';
import { formatDate, urgency } from '@/lib/format';
import { useOrganisation } from '@/lib/organisation';
import { useInbox } from '../api/inbox';

const ROW_COLORS = { overdue: 'var(--mantine-color-red-0)', soon: 'var(--mantine-color-orange-0)', ok: undefined, none: undefined };

/** The Social Support Division's inbox, most urgent first. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [service, setService] = useState<string | null>(null);
  const [eldership, setEldership] = useState<string | null>(null);
  const inbox = useInbox(service, eldership);
  const services = useServiceTypes();
  const organisation = useOrganisation();
  const lang = i18n.language;
  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('inbox.title')}</Title>
          <Text c="dimmed">{t('inbox.subtitle')}</Text>
        </div>
        {inbox.data && inbox.data.overdue > 0 ? (
          <Badge color="red" size="lg" data-testid="overdue-count">
            {t('inbox.overdue_count', { count: inbox.data.overdue })}
          </Badge>
        ) : null}
      </Group>
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
      {inbox.isError ? <QueryError error={inbox.error} /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" aria-busy={inbox.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.due')}</Table.Th>
              <Table.Th>{t('application.person')}</Table.Th>
              <Table.Th>{t('application.service')}</Table.Th>
              <Table.Th>{t('application.received')}</Table.Th>
              <Table.Th>{t('persons.eldership')}</Table.Th>
              <Table.Th>{t('file.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(inbox.data?.items ?? []).map((a) => (
              <Table.Tr key={a.id} style={{ backgroundColor: ROW_COLORS[urgency(a.decision_due_on, a.overdue)] }} data-testid="inbox-row">
                <Table.Td>
                  <DueDate due={a.decision_due_on} overdue={a.overdue} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/applications/${a.id}`} fw={500}>
                    {a.person.last_name}, {a.person.first_name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{lang === 'en' ? a.service_type.name_en : a.service_type.name_lt}</Table.Td>
                <Table.Td>{formatDate(a.received_on, lang)}</Table.Td>
                <Table.Td>{a.eldership?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {inbox.data && inbox.data.items.length === 0 ? <Text c="dimmed">{t('inbox.empty')}</Text> : null}
    </Stack>
  );
}

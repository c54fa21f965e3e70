import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useCaseloads } from '../api/caseloads';
import { type CaseSummary, useCases } from '../api/list-cases';
import { useCaseColumns } from './cases-list';
import { TeamDialog } from './team-dialog';

/**
 * The start page of the head of the case managers' unit (and the division's
 * head): the caseload of each case manager with their overdue cases, and the
 * cases waiting for their team, with "Paskirti".
 */
export function HeadHome() {
  const { t } = useTranslation();
  const me = useMe();
  const [assigning, setAssigning] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const waiting = useCases({ status: 'awaiting_assignment', assignedTo: null, page, perPage: 25 });
  const columns = useCaseColumns().filter((c) => c.key !== 'case_manager');
  const mayAssign = can(me.data, 'assign_cases');
  const assign = {
    key: 'assign',
    header: t('users.actions'),
    align: 'right' as const,
    cell: (c: CaseSummary) => (
      <Button size="xs" variant="light" aria-label={t('cases.home.assign_case', { number: c.number })} onClick={() => setAssigning(c.id)}>
        {t('cases.team.assign')}
      </Button>
    ),
  };

  return (
    <Stack gap="xl" maw={1200}>
      <Caseloads />
      <ListPage
        title={t('cases.home.awaiting')}
        subtitle={t('cases.home.awaiting_hint')}
        query={waiting}
        rows={waiting.data?.items}
        columns={mayAssign ? [...columns, assign] : columns}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-testid': `awaiting-${c.number}` })}
        empty={t('cases.home.none_awaiting')}
        summary={t('cases.total', { count: waiting.data?.total ?? 0 })}
        paging={{ page, perPage: 25, total: waiting.data?.total ?? 0, onPageChange: setPage }}
        minWidth={800}
      />
      <TeamDialog caseId={assigning} onClose={() => setAssigning(null)} />
    </Stack>
  );
}

function Caseloads() {
  const { t } = useTranslation();
  const loads = useCaseloads();
  return (
    <Stack gap="sm" component="section" aria-labelledby="caseloads-title">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} fz={26} fw={600} id="caseloads-title">
            {t('cases.home.caseloads')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('cases.home.caseloads_hint')}
          </Text>
        </div>
        {loads.data ? (
          <Group gap="xs">
            <Badge size="lg" variant="light" color="orange" data-testid="awaiting-count">
              {t('cases.home.awaiting_count', { count: loads.data.awaiting_assignment })}
            </Badge>
            {loads.data.assignment_overdue > 0 ? (
              <Badge size="lg" color="red">
                {t('cases.home.assignment_overdue', { count: loads.data.assignment_overdue })}
              </Badge>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {loads.isError ? <QueryError error={loads.error} /> : null}
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-labelledby="caseloads-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.case_manager')}</Table.Th>
              <Table.Th ta="right">{t('cases.home.open_cases')}</Table.Th>
              <Table.Th ta="right">{t('cases.home.overdue_header')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(loads.data?.managers ?? []).map((m) => (
              <Table.Tr key={m.user.id} data-testid={`caseload-${m.user.id}`}>
                <Table.Td>{m.user.display_name}</Table.Td>
                <Table.Td ta="right">{m.open_cases}</Table.Td>
                <Table.Td ta="right">
                  {m.overdue_cases > 0 ? (
                    <Text span c="red.9" fw={600}>
                      {m.overdue_cases}
                    </Text>
                  ) : (
                    m.overdue_cases
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {loads.data && loads.data.managers.length === 0 ? (
          <Text c="dimmed" ta="center" py="md">
            {t('cases.home.no_managers')}
          </Text>
        ) : null}
      </Paper>
    </Stack>
  );
}

import { Anchor, Button, Group, Select, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ListColumn, ListPage } from '@/components/list-page';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { byUrgency, type CaseListStatus, type CaseSummary, PER_PAGE, useCases } from '../api/list-cases';
import { CaseStatusBadge } from './case-status-badge';
import { DueBadge } from './due-badge';
import { type FamilyChooser, NewCaseDialog } from './new-case-dialog';

const STATUSES: CaseListStatus[] = ['active', 'awaiting_assignment', 'open', 'closed'];

/** The columns every list of cases shows. */
export function useCaseColumns(): ListColumn<CaseSummary>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'number',
      header: t('cases.number'),
      cell: (c) => (
        <Anchor component={Link} to={`/cases/${c.id}`} fw={500} style={{ whiteSpace: 'nowrap' }}>
          {c.number}
        </Anchor>
      ),
    },
    { key: 'family', header: t('cases.family'), cell: (c) => c.family.name },
    {
      key: 'children',
      header: t('cases.children'),
      cell: (c) => c.children.map((p) => `${p.first_name} ${p.last_name}`).join(', '),
    },
    {
      key: 'case_manager',
      header: t('cases.case_manager'),
      cell: (c) =>
        c.case_manager ? (
          c.case_manager.display_name
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.unassigned')}
          </Text>
        ),
    },
    { key: 'next_due', header: t('cases.next_due'), cell: (c) => <DueBadge item={c.next_due} /> },
    { key: 'status', header: t('cases.status_header'), cell: (c) => <CaseStatusBadge status={c.status} /> },
  ];
}

/** `/cases`: the cases the user may see, overdue first; a new case for those who open them. */
export function CasesList({ familyChooser }: { familyChooser: FamilyChooser }) {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<CaseListStatus | null>('active');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const cases = useCases({ status, assignedTo: mine ? (me.data?.id ?? null) : null, page, perPage: PER_PAGE });
  const columns = useCaseColumns();
  const rows = cases.data ? [...cases.data.items].sort(byUrgency) : undefined;

  return (
    <>
      <ListPage
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          can(me.data, 'open_cases') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('cases.new')}
            </Button>
          ) : null
        }
        filters={
          <Group align="flex-end">
            <Select
              label={t('cases.status_header')}
              placeholder={t('cases.all_statuses')}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: t(`cases.filter.${s}`) }))}
              value={status}
              onChange={(v) => {
                setStatus((v as CaseListStatus | null) ?? null);
                setPage(1);
              }}
            />
            <Switch
              label={t('cases.mine')}
              checked={mine}
              onChange={(e) => {
                setMine(e.currentTarget.checked);
                setPage(1);
              }}
              mb={8}
            />
          </Group>
        }
        query={cases}
        rows={rows}
        columns={columns}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-testid': `case-${c.number}` })}
        empty={t('cases.empty')}
        summary={t('cases.total', { count: cases.data?.total ?? 0 })}
        paging={{ page, perPage: PER_PAGE, total: cases.data?.total ?? 0, onPageChange: setPage }}
        minWidth={900}
      />
      <NewCaseDialog opened={creating} onClose={() => setCreating(false)} familyChooser={familyChooser} />
    </>
  );
}

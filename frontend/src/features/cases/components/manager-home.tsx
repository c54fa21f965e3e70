import { Badge, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page';
import { useMe } from '@/lib/me';
import { byUrgency, useCases } from '../api/list-cases';
import { useCaseColumns } from './cases-list';

/** The case manager's start page: their open cases with what is due next, overdue first, and their caseload. */
export function ManagerHome() {
  const { t } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const cases = useCases({ status: 'active', assignedTo: me.data?.id ?? null, page, perPage: 100 });
  const columns = useCaseColumns();
  const rows = cases.data ? [...cases.data.items].sort(byUrgency) : undefined;
  const overdue = (cases.data?.items ?? []).filter((c) => c.overdue > 0).length;
  return (
    <ListPage
      title={t('cases.home.my_work')}
      subtitle={t('cases.home.my_work_hint')}
      actions={
        <Group gap="xs">
          <Badge size="lg" variant="light" data-testid="caseload">
            {t('cases.home.caseload', { count: cases.data?.total ?? 0 })}
          </Badge>
          {overdue > 0 ? (
            <Badge size="lg" color="red" data-testid="overdue-cases">
              {t('cases.home.overdue_cases', { count: overdue })}
            </Badge>
          ) : null}
        </Group>
      }
      query={cases}
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ 'data-testid': `case-${c.number}` })}
      empty={t('cases.home.no_cases')}
      paging={{ page, perPage: 100, total: cases.data?.total ?? 0, onPageChange: setPage }}
      minWidth={900}
    />
  );
}
